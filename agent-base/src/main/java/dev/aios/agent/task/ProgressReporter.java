package dev.aios.agent.task;

/** Lets a persona report progress on the task it is doing (published as TaskProgress). */
@FunctionalInterface
public interface ProgressReporter {
    void report(String message, int percent);
}
