package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs the sandbox is built from (util-linux and iproute2), by absolute path. The rest of the setup (mount,
 * pivot_root, cp) runs inside the sandbox from the same system directories; the start-up probe finds out if it works.
 */
public record SandboxTools(Path unshare, Path setpriv, Path prlimit, Path ip) {
    /** Where the tools are looked for: the system directories only, never the service's own PATH. */
    static final List<String> SYSTEM_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    public SandboxTools {
        requireNonNull(unshare, "unshare");
        requireNonNull(setpriv, "setpriv");
        requireNonNull(prlimit, "prlimit");
        requireNonNull(ip, "ip");
    }

    /** The tools installed in the system directories; a missing one keeps its bare name and fails the probe. */
    public static SandboxTools installed() {
        return new SandboxTools(find("unshare"), find("setpriv"), find("prlimit"), find("ip"));
    }

    public SandboxTools withUnshare(Path unshare) {
        return new SandboxTools(unshare, setpriv, prlimit, ip);
    }

    /** Why the sandbox cannot be built from these tools, if one is missing. */
    Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        check(unshare, "util-linux", missing);
        check(setpriv, "util-linux", missing);
        check(prlimit, "util-linux", missing);
        check(ip, "iproute2", missing);
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
    }

    private static void check(Path tool, String pkg, List<String> missing) {
        if (!tool.isAbsolute()) {
            missing.add(tool + " is not installed in " + String.join(":", SYSTEM_PATH) + " (package " + pkg + ")");
        } else if (!Files.isExecutable(tool)) {
            missing.add(tool + " does not exist or is not executable (package " + pkg + ")");
        }
    }

    private static Path find(String name) {
        for (String dir : SYSTEM_PATH) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of(name);
    }
}
