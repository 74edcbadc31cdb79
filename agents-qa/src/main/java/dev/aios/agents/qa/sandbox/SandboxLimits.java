package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What a sandboxed test run may use: wall-clock time, address space, processes, and output kept for the report. */
public record SandboxLimits(Duration timeout, long addressSpaceBytes, int maxProcesses, int outputTailChars) {
    public SandboxLimits {
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || addressSpaceBytes <= 0 || maxProcesses <= 0 || outputTailChars <= 0) {
            throw new IllegalArgumentException("sandbox limits must be positive: " + timeout + ", "
                    + addressSpaceBytes + " bytes, " + maxProcesses + " processes, " + outputTailChars + " chars");
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
}
