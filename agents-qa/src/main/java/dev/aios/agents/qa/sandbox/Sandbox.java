package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TestReport;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Materialises a workspace in a temporary directory, runs its detected test command under the limits and the
 * isolation this machine allows, and always deletes the directory. The report says which isolation applied.
 */
public final class Sandbox {
    private static final int SUMMARY_WINDOW_BYTES = 256 * 1024;

    private final SandboxLimits limits;
    private final Isolation isolation;
    private final TestCommandDetector detector;
    private final Path scratch;

    public Sandbox(SandboxLimits limits) {
        this(limits, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@code scratch}: where the temporary workspaces and output logs go (and are removed again). */
    public Sandbox(SandboxLimits limits, Path scratch) {
        this.limits = requireNonNull(limits, "limits");
        this.scratch = requireNonNull(scratch, "scratch");
        this.isolation = Isolation.probe();
        this.detector = new TestCommandDetector(PythonLocator.locate());
    }

    public TestReport run(List<FileContent> files) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory(scratch, "aios-sandbox-");
        Path output = Files.createTempFile(scratch, "aios-sandbox-output-", ".log");
        try {
            Workspace.materialise(root, files);
            Optional<TestCommand> command = detector.detect(root);
            if (command.isEmpty()) {
                return new TestReport("", false, -1, 0, 0,
                        "no test command detected: no pom.xml, package.json or Python files in the workspace",
                        0, false, false, isolation.note());
            }
            isolation.handOver(root);
            return execute(root, command.get(), output);
        } finally {
            deleteRecursively(root);
            Files.deleteIfExists(output);
        }
    }

    private TestReport execute(Path root, TestCommand command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(isolation.wrap(command.argv(), limits))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        // Only what a test run needs: no credentials or service URLs of the agent leak into generated code.
        env.putAll(Map.of("PATH", path, "HOME", root.toString(), "LANG", "C.UTF-8",
                "PYTHONDONTWRITEBYTECODE", "1", "PYTHONUNBUFFERED", "1", "CI", "true",
                // a JVM reserves more address space than the limit by default and would not even start
                "JAVA_TOOL_OPTIONS", "-Xmx512m -XX:ReservedCodeCacheSize=64m -XX:CompressedClassSpaceSize=128m"));
        long started = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            killTree(process);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // only the end of the log: a suite may print without bound, the summary lines come last
        String text = readTail(output, Math.max(limits.outputTailChars() * 4, SUMMARY_WINDOW_BYTES));
        int exit = finished ? process.exitValue() : -1;
        TestCounts counts = TestCounts.parse(command.framework(), text);
        String tail = tail(finished ? text : text + "\n[sandbox] killed after the time limit of " + limits.timeout());
        boolean passed = finished && exit == 0 && counts.run() != 0;
        return new TestReport(command.display(), passed, exit, Math.max(counts.run(), 0), Math.max(counts.failed(), 0),
                tail, millis, !finished, isolation.networkNamespace(), isolation.note());
    }

    private static void killTree(Process process) throws InterruptedException {
        // Children first, so none is reparented and missed once its parent dies.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static String readTail(Path file, int maxBytes) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, log.length() - maxBytes);
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private String tail(String text) {
        return text.length() <= limits.outputTailChars() ? text : text.substring(text.length() - limits.outputTailChars());
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
