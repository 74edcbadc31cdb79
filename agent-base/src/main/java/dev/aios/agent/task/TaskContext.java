package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything an agent needs to do a task without asking anyone. {@code budgetMicros} is the project's whole budget
 * (0: unknown), which the agent's model calls carry to the router's budget ledger. {@code reviewerFeedback} is what a
 * person said rejecting the task's previous changeset (empty: none).
 */
public record TaskContext(
        String projectName,
        String brief,
        String architectureNotes,
        List<DependencyOutput> dependencyOutputs,
        List<FileContent> relevantFiles,
        long remainingBudgetMicros,
        long budgetMicros,
        String reviewerFeedback) {
    public TaskContext {
        requireNonNull(projectName, "project name");
        requireNonNull(reviewerFeedback, "reviewer feedback");
        requireNonNull(brief, "brief");
        requireNonNull(architectureNotes, "architecture notes");
        dependencyOutputs = List.copyOf(dependencyOutputs);
        relevantFiles = List.copyOf(relevantFiles);
    }

    public TaskContext(
            String projectName,
            String brief,
            String architectureNotes,
            List<DependencyOutput> dependencyOutputs,
            List<FileContent> relevantFiles,
            long remainingBudgetMicros,
            long budgetMicros) {
        this(
                projectName,
                brief,
                architectureNotes,
                dependencyOutputs,
                relevantFiles,
                remainingBudgetMicros,
                budgetMicros,
                "");
    }

    public TaskContext(
            String projectName,
            String brief,
            String architectureNotes,
            List<DependencyOutput> dependencyOutputs,
            List<FileContent> relevantFiles,
            long remainingBudgetMicros) {
        this(projectName, brief, architectureNotes, dependencyOutputs, relevantFiles, remainingBudgetMicros, 0);
    }

    public record DependencyOutput(String taskId, String title, String summary, List<String> paths) {
        public DependencyOutput {
            paths = List.copyOf(paths);
        }
    }
}
