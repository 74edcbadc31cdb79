package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a workspace's tests in isolation, or not at all. At start it builds one sandbox to find out whether this machine
 * can isolate generated code; if it cannot, every run is refused with the reason, unless the service was started with
 * {@code aios.sandbox.allow-unisolated=true} (development only), which runs the tests unisolated and says so loudly.
 */
public final class Sandbox {
    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
    private static final int SUMMARY_WINDOW_BYTES = 256 * 1024;

    private final SandboxLimits limits;
    private final Path scratch;
    private final SandboxTools tools;
    private final Isolation isolation;
    private final boolean allowUnisolated;
    private final TestCommandDetector detector;

    /** Fails closed: isolated, or nothing runs. */
    public Sandbox(SandboxLimits limits) {
        this(limits, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@code scratch}: where the temporary workspaces and output logs go (and are removed again). */
    public Sandbox(SandboxLimits limits, Path scratch) {
        this(limits, scratch, SandboxTools.installed(), false);
    }

    public Sandbox(SandboxLimits limits, Path scratch, SandboxTools tools, boolean allowUnisolated) {
        this.limits = requireNonNull(limits, "limits");
        this.scratch = requireNonNull(scratch, "scratch");
        this.tools = requireNonNull(tools, "tools");
        this.allowUnisolated = allowUnisolated;
        this.isolation = probe(tools, limits, scratch);
        this.detector = new TestCommandDetector(PythonLocator.locate());
        switch (isolation) {
            case Isolation.Namespaces _ -> log.info("QA sandbox: {}", note());
            case Isolation.Unavailable u
            when allowUnisolated ->
                log.warn(
                        "QA sandbox UNAVAILABLE ({}); aios.sandbox.allow-unisolated=true: generated code will run WITHOUT"
                                + " isolation, with access to this host's files, processes and network. Development only.",
                        u.reason());
            case Isolation.Unavailable u ->
                log.error(
                        "QA sandbox unavailable: {}. Generated code will not run and every"
                                + " sprint review fails until this is fixed (see docs/deploy.md, 'The QA sandbox').",
                        u.reason());
        }
    }

    /** Whether generated code runs isolated here (false: reviews are refused, or run unisolated when allowed). */
    public boolean isolated() {
        return isolation instanceof Isolation.Namespaces;
    }

    public SandboxRun run(List<FileContent> files) throws IOException, InterruptedException {
        if (isolation instanceof Isolation.Unavailable unavailable && !allowUnisolated) {
            return new SandboxRun.Refused(
                    "the sandbox cannot isolate generated code on this host (" + unavailable.reason()
                            + "), so none of it was run; aios.sandbox.allow-unisolated=true would run it without isolation,"
                            + " for development only",
                    false);
        }
        Path dir = NamespaceLauncher.create(scratch);
        Path output = Files.createTempFile(scratch, "aios-sandbox-output-", ".log");
        try {
            Path workspace = dir.resolve("workspace");
            try {
                Workspace.materialise(workspace, files);
            } catch (IllegalArgumentException e) {
                return new SandboxRun.Refused(e.getMessage() + "; none of the workspace was run", false);
            }
            Optional<TestCommand> command = detector.detect(workspace);
            if (command.isEmpty()) {
                return new SandboxRun.Tested(new TestReport(
                        "",
                        false,
                        -1,
                        0,
                        0,
                        "no test command detected: no pom.xml, package.json or Python files in the workspace",
                        0,
                        false,
                        isolated(),
                        note()));
            }
            return switch (isolation) {
                case Isolation.Namespaces namespaces -> runIsolated(namespaces, dir, command.get(), output);
                case Isolation.Unavailable unavailable -> runUnisolated(unavailable, workspace, command.get(), output);
            };
        } finally {
            Scratch.delete(dir);
            Scratch.delete(output);
        }
    }

    private SandboxRun runIsolated(Isolation.Namespaces namespaces, Path dir, TestCommand command, Path output)
            throws IOException, InterruptedException {
        namespaces.launcher().handOver(dir);
        SandboxProcess.Result result = SandboxProcess.run(
                namespaces.launcher().argv(dir, command.argv(), limits),
                SandboxProcess.environment("/tmp"),
                dir,
                output,
                limits.timeout(),
                tailBytes());
        Optional<String> ready = IsolationProbe.readyLine(result.head());
        if (ready.isEmpty()) {
            // the setup failed before the command was started: nothing of the generated code ran
            return new SandboxRun.Refused(
                    IsolationProbe.failure("building the sandbox", result) + "; none of the generated code was run",
                    true);
        }
        return new SandboxRun.Tested(report(command, result, result.tail().replace(ready.get() + "\n", "")));
    }

    private SandboxRun runUnisolated(
            Isolation.Unavailable unavailable, Path workspace, TestCommand command, Path output)
            throws IOException, InterruptedException {
        log.warn(
                "running generated tests WITHOUT isolation (aios.sandbox.allow-unisolated=true): {}",
                unavailable.reason());
        List<String> argv = new ArrayList<>();
        if (tools.prlimit().isAbsolute() && Files.isExecutable(tools.prlimit())) {
            argv.addAll(limits.prlimit(tools.prlimit()));
        }
        argv.addAll(command.argv());
        SandboxProcess.Result result = SandboxProcess.run(
                argv,
                SandboxProcess.environment(workspace.toString()),
                workspace,
                output,
                limits.timeout(),
                tailBytes());
        return new SandboxRun.Tested(report(command, result, result.tail()));
    }

    private TestReport report(TestCommand command, SandboxProcess.Result result, String text) {
        TestCounts counts = TestCounts.parse(command.framework(), text);
        String tail = tail(
                result.timedOut() ? text + "\n[sandbox] killed after the time limit of " + limits.timeout() : text);
        boolean passed = !result.timedOut() && result.exitCode() == 0 && counts.run() != 0;
        return new TestReport(
                command.display(),
                passed,
                result.exitCode(),
                Math.max(counts.run(), 0),
                Math.max(counts.failed(), 0),
                tail,
                result.millis(),
                result.timedOut(),
                isolated(),
                note());
    }

    /** What the report says about the isolation, in one line. */
    String note() {
        return switch (isolation) {
            case Isolation.Namespaces n ->
                "isolated: own user, PID, mount, network and IPC namespaces (" + n.proc()
                        + "), read-only system directories, an in-memory copy of the workspace, no host files or"
                        + " credentials, loopback only, no capabilities, as "
                        + n.launcher().user() + "; limits: "
                        + limits.describe();
            case Isolation.Unavailable u ->
                "NOT ISOLATED (aios.sandbox.allow-unisolated=true, development only): " + u.reason();
        };
    }

    private int tailBytes() {
        return Math.max(limits.outputTailChars() * 4, SUMMARY_WINDOW_BYTES);
    }

    private String tail(String text) {
        return text.length() <= limits.outputTailChars()
                ? text
                : text.substring(text.length() - limits.outputTailChars());
    }

    private static Isolation probe(SandboxTools tools, SandboxLimits limits, Path scratch) {
        try {
            return IsolationProbe.probe(tools, limits, scratch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Isolation.Unavailable("interrupted while probing the sandbox");
        }
    }
}
