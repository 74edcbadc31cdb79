package dev.aios.agent.task;

import org.jspecify.annotations.Nullable;
import dev.aios.agent.Role;
import java.util.List;

/** What QA found when it ran a sprint's tests. */
public record ReviewResult(boolean passed, List<Defect> defects, @Nullable TestReport report) {
    public ReviewResult {
        defects = List.copyOf(defects);
    }

    public record Defect(String title, String description, Role role, String failingOutput) {}
}
