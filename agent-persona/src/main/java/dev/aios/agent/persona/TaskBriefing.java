package dev.aios.agent.persona;

import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;

/** Renders a task and its context as the user message; file contents are capped so a prompt stays bounded. */
public final class TaskBriefing {
    static final int MAX_FILE_CHARS = 12_000;
    static final int MAX_TOTAL_FILE_CHARS = 60_000;

    private TaskBriefing() {}

    public static String render(TaskAssignment assignment) {
        TaskDefinition task = assignment.task();
        TaskContext context = assignment.context();
        StringBuilder out = new StringBuilder();
        out.append("# Project: ").append(context.projectName()).append("\n\n");
        out.append("## Brief\n").append(context.brief().strip()).append("\n\n");
        if (!context.architectureNotes().isBlank()) {
            out.append("## Architecture notes\n")
                    .append(context.architectureNotes().strip())
                    .append("\n\n");
        }
        out.append("## Your task ")
                .append(assignment.taskId())
                .append(": ")
                .append(task.title())
                .append('\n');
        out.append("Kind: ")
                .append(task.kind())
                .append(", complexity: ")
                .append(task.complexityHint())
                .append(", estimate: ")
                .append(task.estimatePoints())
                .append(" points\n\n");
        out.append(task.description().strip()).append("\n\n");
        if (!task.acceptanceCriteria().isEmpty()) {
            out.append("### Acceptance criteria\n");
            task.acceptanceCriteria().forEach(c -> out.append("- ").append(c).append('\n'));
            out.append('\n');
        }
        if (!context.dependencyOutputs().isEmpty()) {
            out.append("## Work already done that this task builds on\n");
            for (TaskContext.DependencyOutput done : context.dependencyOutputs()) {
                out.append("- ")
                        .append(done.taskId())
                        .append(" ")
                        .append(done.title())
                        .append(": ")
                        .append(done.summary())
                        .append(" (files: ")
                        .append(String.join(", ", done.paths()))
                        .append(")\n");
            }
            out.append('\n');
        }
        if (!context.reviewerFeedback().isBlank()) {
            // only after a person rejected the previous changeset, so prompts without one stay as recorded
            out.append("## A person rejected your previous changeset for this task\n")
                    .append(context.reviewerFeedback().strip())
                    .append("\nProduce a new changeset that addresses this feedback.\n\n");
        }
        appendFiles(out, context);
        return out.toString();
    }

    private static void appendFiles(StringBuilder out, TaskContext context) {
        if (context.relevantFiles().isEmpty()) {
            return;
        }
        out.append("## Relevant workspace files\n");
        int budget = MAX_TOTAL_FILE_CHARS;
        for (FileContent file : context.relevantFiles()) {
            String text = file.text();
            if (text.indexOf('\0') >= 0) {
                // binary content (images, archives) tells a model nothing and costs tokens
                out.append("### ")
                        .append(file.path())
                        .append("\n(binary file, ")
                        .append(file.content().length)
                        .append(" bytes, not shown)\n");
                continue;
            }
            int shown = Math.min(text.length(), Math.min(MAX_FILE_CHARS, budget));
            out.append("### ").append(file.path()).append("\n```\n").append(text, 0, shown);
            if (shown < text.length()) {
                out.append("\n… (").append(text.length() - shown).append(" more characters not shown)");
            }
            out.append("\n```\n");
            budget -= shown;
            if (budget <= 0) {
                out.append("(further files omitted to keep the prompt bounded)\n");
                return;
            }
        }
    }
}
