package dev.aios.agents.qa.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What this machine lets the sandbox do, probed once at start: run as an unprivileged user (only root can switch,
 * and root is exempt from the process limit), enter a user+network namespace without privileges, set rlimits.
 */
record Isolation(boolean dropToNobody, boolean networkNamespace, boolean prlimit, String note) {
    static final int NOBODY = 65534;
    /** No file a test writes, its output log included, may outgrow this: a runaway suite cannot fill the disk. */
    static final long MAX_FILE_BYTES = 256L << 20;
    /** A fresh network namespace has only a loopback device, and it is down; tests may serve on 127.0.0.1. */
    private static final String LOOPBACK_UP = "PATH=\"$PATH:/usr/sbin:/sbin\" ip link set lo up";

    static Isolation probe() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean setpriv = root && works(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "true"));
        List<String> unshare = new ArrayList<>();
        if (setpriv) {
            unshare.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        unshare.addAll(List.of("unshare", "-rn", "--", "sh", "-c", LOOPBACK_UP + " && exec \"$@\"", "sandbox", "true"));
        boolean network = works(unshare);
        boolean prlimit = works(List.of("prlimit", "--as=1073741824", "--nproc=64", "true"));
        List<String> notes = new ArrayList<>();
        notes.add(network
                ? "no network: tests ran in an unprivileged user+network namespace (unshare -rn) with only its own loopback"
                : "NOT network-isolated: unprivileged user namespaces are not permitted here, tests had the host's network");
        notes.add(prlimit ? "address-space, process and file-size limits via prlimit" : "NO memory or process limit: prlimit is missing");
        if (root && !setpriv) {
            notes.add("ran as root: the process limit is not enforced for root");
        } else if (setpriv) {
            notes.add("ran as the unprivileged user nobody");
        }
        return new Isolation(setpriv, network, prlimit, String.join("; ", notes));
    }

    /** The command wrapped in whatever isolation this machine allows, innermost last. */
    List<String> wrap(List<String> command, SandboxLimits limits) {
        List<String> argv = new ArrayList<>();
        if (dropToNobody) {
            argv.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        if (networkNamespace) {
            argv.addAll(List.of("unshare", "-rn", "--", "sh", "-c", LOOPBACK_UP + " && exec \"$@\"", "sandbox"));
        }
        if (prlimit) {
            argv.addAll(List.of("prlimit", "--as=" + limits.addressSpaceBytes(), "--nproc=" + limits.maxProcesses(),
                    "--fsize=" + MAX_FILE_BYTES, "--"));
        }
        argv.addAll(command);
        return argv;
    }

    void handOver(Path workspace) throws IOException {
        if (!dropToNobody) {
            return;
        }
        try (var paths = Files.walk(workspace)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", NOBODY);
                Files.setAttribute(path, "unix:gid", NOBODY);
            }
        }
    }

    private static boolean works(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
