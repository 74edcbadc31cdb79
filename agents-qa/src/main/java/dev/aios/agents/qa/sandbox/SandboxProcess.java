package dev.aios.agents.qa.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one process for the sandbox: exactly the given environment (nothing inherited from the service), no stdin,
 * stdout and stderr into a log file, and at the deadline the whole process tree killed.
 */
final class SandboxProcess {
    /** The first bytes of the log (where the sandbox's own setup lines are) and the last (where the summaries are). */
    record Result(int exitCode, boolean timedOut, long millis, String head, String tail) {}

    private static final int HEAD_BYTES = 4096;
    private static final File NO_INPUT = new File("/dev/null");

    private SandboxProcess() {}

    static Result run(
            List<String> argv,
            Map<String, String> environment,
            Path directory,
            Path log,
            Duration timeout,
            int tailBytes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            // also when this thread is interrupted: nothing of a sandbox outlives its run
            if (process.isAlive()) {
                killTree(process);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Result(
                finished ? process.exitValue() : -1,
                !finished,
                millis,
                read(log, true, HEAD_BYTES),
                read(log, false, tailBytes));
    }

    /**
     * The whole environment of a sandboxed process, built from nothing: no variable of the service (credentials,
     * service URLs) reaches generated code.
     */
    static Map<String, String> environment(String home) {
        return Map.of(
                "PATH",
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME",
                home,
                "LANG",
                "C.UTF-8",
                "PYTHONDONTWRITEBYTECODE",
                "1",
                "PYTHONUNBUFFERED",
                "1",
                "CI",
                "true",
                // a JVM reserves more address space than the limit by default and would not even start
                "JAVA_TOOL_OPTIONS",
                "-Xmx512m -XX:ReservedCodeCacheSize=64m -XX:CompressedClassSpaceSize=128m");
    }

    private static void killTree(Process process) throws InterruptedException {
        // Children first, so none is reparented and missed once its parent dies. In a PID namespace the kernel also
        // kills everything in it when its first process dies; this covers the unisolated development mode too.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static String read(Path file, boolean head, int maxBytes) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            long start = head ? 0 : Math.max(0, length - maxBytes);
            byte[] bytes = new byte[(int) Math.min(maxBytes, length - start)];
            log.seek(start);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
