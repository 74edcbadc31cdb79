package dev.aios.agent.task;

/** The result of running a project's tests in the sandbox. */
public record TestReport(
        String command,
        boolean passed,
        int exitCode,
        int testsRun,
        int testsFailed,
        String outputTail,
        long durationMillis,
        boolean timedOut,
        boolean networkIsolated,
        String isolationNote) {}
