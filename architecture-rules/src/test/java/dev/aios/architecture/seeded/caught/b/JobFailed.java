package dev.aios.architecture.seeded.caught.b;

import dev.aios.architecture.seeded.caught.a.Job;

/** Closes the cycle: depends back on {@code caught.a}. */
public final class JobFailed extends RuntimeException {
    public JobFailed(Job job) {
        super("failed: " + job);
    }
}
