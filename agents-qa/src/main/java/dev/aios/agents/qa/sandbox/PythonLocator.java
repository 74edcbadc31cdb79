package dev.aios.agents.qa.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The python3 the sandbox runs: the system interpreter when there is one, because the unprivileged sandbox user
 * cannot reach interpreters under a private home (pyenv in /root), and version-manager shims need the caller's HOME.
 */
final class PythonLocator {
    private PythonLocator() {}

    private static final List<String> SYSTEM_PYTHONS = List.of("/usr/bin/python3", "/usr/local/bin/python3");

    static String locate() {
        for (String candidate : SYSTEM_PYTHONS) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        try {
            Process process = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && out.startsWith("/")) {
                return out;
            }
        } catch (IOException e) {
            // no python3 on the PATH: the plain name fails later with a clear "not found" in the report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "python3";
    }
}
