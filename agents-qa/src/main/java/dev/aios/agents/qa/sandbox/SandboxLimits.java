package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a sandboxed test run may use: wall-clock time, address space, processes, and output kept for the report. */
public record SandboxLimits(Duration timeout, long addressSpaceBytes, int maxProcesses, int outputTailChars) {
    /** No file a test writes, its output log included, may outgrow this: a runaway suite cannot fill the disk. */
    static final long MAX_FILE_BYTES = 64L << 20;

    static final int MAX_OPEN_FILES = 1024;
    /** Test processes yield the CPU to the agent. */
    static final int NICENESS = 10;

    public SandboxLimits {
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative()
                || timeout.isZero()
                || addressSpaceBytes <= 0
                || maxProcesses <= 0
                || outputTailChars <= 0) {
            throw new IllegalArgumentException("sandbox limits must be positive: " + timeout + ", " + addressSpaceBytes
                    + " bytes, " + maxProcesses + " processes, " + outputTailChars + " chars");
        }
    }

    /** Enough for a small project's unit tests; a JVM build needs a larger address space than this. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofMinutes(2), 2L << 30, 128, 8_000);
    }

    public SandboxLimits withTimeout(Duration timeout) {
        return new SandboxLimits(timeout, addressSpaceBytes, maxProcesses, outputTailChars);
    }

    public SandboxLimits withAddressSpace(long bytes) {
        return new SandboxLimits(timeout, bytes, maxProcesses, outputTailChars);
    }

    public SandboxLimits withMaxProcesses(int processes) {
        return new SandboxLimits(timeout, addressSpaceBytes, processes, outputTailChars);
    }

    /**
     * The limits as a command prefix. Per process: address space, CPU seconds (the wall clock bounds the whole run),
     * file size, open files, no core dumps; the process count is per user, and in the sandbox's user namespace
     * (Linux 5.14 and later) that means the sandbox's processes only.
     */
    List<String> prlimit(Path prlimit) {
        return List.of(
                prlimit.toString(),
                "--as=" + addressSpaceBytes,
                "--nproc=" + maxProcesses,
                "--cpu=" + Math.max(1, timeout.toSeconds()),
                "--fsize=" + MAX_FILE_BYTES,
                "--nofile=" + MAX_OPEN_FILES,
                "--core=0",
                "--",
                "nice",
                "-n",
                Integer.toString(NICENESS));
    }

    String describe() {
        return (addressSpaceBytes >> 20) + " MiB address space, " + maxProcesses + " processes, " + timeout.toSeconds()
                + " s";
    }
}
