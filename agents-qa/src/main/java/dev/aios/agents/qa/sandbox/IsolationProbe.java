package dev.aios.agents.qa.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds out whether this machine can isolate generated code: it builds a real sandbox, with an empty workspace and the
 * limits the tests will get, and runs {@code true} in it. Any step that fails makes the isolation unavailable.
 */
final class IsolationProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REASON_CHARS = 600;

    private IsolationProbe() {}

    static Isolation probe(SandboxTools tools, SandboxLimits limits, Path scratch) throws InterruptedException {
        Optional<String> missing = tools.missing();
        if (missing.isPresent()) {
            return new Isolation.Unavailable(missing.get());
        }
        NamespaceLauncher launcher = new NamespaceLauncher(tools, NamespaceLauncher.runningAsRoot());
        Path dir = null;
        Path log = null;
        try {
            dir = NamespaceLauncher.create(scratch);
            log = Files.createTempFile(scratch, "aios-sandbox-probe-", ".log");
            launcher.handOver(dir);
            SandboxProcess.Result result = SandboxProcess.run(
                    launcher.argv(dir, List.of("true"), limits),
                    SandboxProcess.environment("/tmp"),
                    dir,
                    log,
                    TIMEOUT,
                    4096);
            Optional<String> ready = readyLine(result.head());
            if (result.exitCode() == 0 && ready.isPresent()) {
                return new Isolation.Namespaces(
                        launcher,
                        ready.get().substring(ready.get().indexOf(';') + 1).strip());
            }
            return new Isolation.Unavailable(failure("building the sandbox", result));
        } catch (IOException e) {
            return new Isolation.Unavailable("building the sandbox failed: " + e.getMessage());
        } finally {
            Scratch.delete(dir);
            Scratch.delete(log);
        }
    }

    /** The line the sandbox prints once it stands; absent when its setup failed and nothing of the command ran. */
    static Optional<String> readyLine(String logHead) {
        return logHead.lines()
                .filter(line -> line.startsWith(NamespaceLauncher.READY))
                .findFirst();
    }

    /** What went wrong while {@code what}, from the setup's own messages at the head of the log. */
    static String failure(String what, SandboxProcess.Result result) {
        String output = result.head().strip().replaceAll("\\s*\\n\\s*", " / ");
        if (output.length() > MAX_REASON_CHARS) {
            output = output.substring(0, MAX_REASON_CHARS) + " …";
        }
        return what
                + (result.timedOut() ? " did not finish in time" : " failed (exit " + result.exitCode() + ")")
                + (output.isEmpty() ? "" : ": " + output);
    }
}
