package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Everything an agent needs to do a task without asking anyone. */
public record TaskContext(
        String projectName,
        String brief,
        String architectureNotes,
        List<DependencyOutput> dependencyOutputs,
        List<FileContent> relevantFiles,
        long remainingBudgetMicros) {
    public TaskContext {
        requireNonNull(projectName, "project name");
        requireNonNull(brief, "brief");
        requireNonNull(architectureNotes, "architecture notes");
        dependencyOutputs = List.copyOf(dependencyOutputs);
        relevantFiles = List.copyOf(relevantFiles);
    }

    public record DependencyOutput(String taskId, String title, String summary, List<String> paths) {
        public DependencyOutput {
            paths = List.copyOf(paths);
        }
    }
}
