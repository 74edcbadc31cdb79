package dev.aios.agent.task;

import dev.aios.agent.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What QA found when it ran a sprint's tests. */
public record ReviewResult(
        boolean passed, List<Defect> defects, @Nullable TestReport report) {
    public ReviewResult {
        defects = List.copyOf(defects);
    }

    public record Defect(String title, String description, Role role, String failingOutput) {}
}
