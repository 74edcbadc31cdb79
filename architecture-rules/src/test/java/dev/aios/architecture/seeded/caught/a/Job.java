package dev.aios.architecture.seeded.caught.a;

import dev.aios.architecture.seeded.caught.b.JobFailed;

/** Depends on {@code caught.b} only by catching its exception, as {@code BaseAgent} catches a messaging exception. */
public final class Job {
    public String run(Runnable work) {
        try {
            work.run();
            return "done";
        } catch (JobFailed e) {
            return "failed";
        }
    }
}
