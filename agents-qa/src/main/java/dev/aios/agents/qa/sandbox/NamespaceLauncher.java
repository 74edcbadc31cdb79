package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Wraps a command in the sandbox of {@code sandbox/enter-sandbox.sh}: new user, PID, mount, network, IPC, UTS and
 * cgroup namespaces; a read-only root of system directories with an in-memory copy of the workspace; no capabilities;
 * rlimits. A service running as root first becomes {@code nobody}, so the user namespace maps an unprivileged uid.
 */
final class NamespaceLauncher {
    /** The line the script prints once the sandbox stands, right before it starts the command. */
    static final String READY = "aios-sandbox: ready";

    static final int NOBODY = 65534;
    private static final String SCRIPT = resource("/sandbox/enter-sandbox.sh");

    private final SandboxTools tools;
    private final boolean dropToNobody;

    NamespaceLauncher(SandboxTools tools, boolean dropToNobody) {
        this.tools = requireNonNull(tools, "tools");
        this.dropToNobody = dropToNobody;
    }

    /** Whether this service runs as root, judged by the owner of its own {@code /proc/self}. */
    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** {@code dir} holds {@code workspace/} (the files to test) and {@code root/} (where the new root is built). */
    List<String> argv(Path dir, List<String> command, SandboxLimits limits) {
        List<String> argv = new ArrayList<>();
        if (dropToNobody) {
            argv.addAll(List.of(
                    tools.setpriv().toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        argv.addAll(List.of(
                tools.unshare().toString(),
                "--user",
                "--map-root-user",
                "--pid",
                "--kill-child",
                "--mount",
                "--net",
                "--ipc",
                "--uts",
                "--cgroup",
                "--propagation",
                "private",
                "--",
                "/bin/sh",
                "-c",
                SCRIPT,
                "aios-sandbox",
                dir.toString()));
        argv.addAll(limits.prlimit(tools.prlimit()));
        argv.addAll(command);
        return argv;
    }

    /** A fresh sandbox directory under {@code scratch}, with an empty workspace. */
    static Path create(Path scratch) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "aios-sandbox-");
        Files.createDirectory(dir.resolve("workspace"));
        Files.createDirectory(dir.resolve("root"));
        return dir;
    }

    /** Gives the sandbox directory to the unprivileged user the sandbox runs as, when the service is root. */
    void handOver(Path dir) throws IOException {
        if (!dropToNobody) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", NOBODY);
                Files.setAttribute(path, "unix:gid", NOBODY);
            }
        }
    }

    String user() {
        return dropToNobody ? "uid " + NOBODY + " (nobody)" : "the service's own uid";
    }

    private static String resource(String name) {
        try (InputStream in = NamespaceLauncher.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
