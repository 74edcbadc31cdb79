package dev.aios.orchestrator.planning;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.Defect;
import dev.aios.events.v1.TaskKind;
import dev.aios.events.v1.TaskSpec;

/** A sprint review's defects become tasks of the next sprint: the fold adds them, so a replay rebuilds the same ones. */
final class DefectTasks {
    private DefectTasks() {}

    static TaskSpec of(int sprint, int n, Defect d) {
        AgentRole role = d.getRole() == AgentRole.AGENT_ROLE_UNSPECIFIED || d.getRole() == AgentRole.AGENT_ROLE_CTO
                ? AgentRole.AGENT_ROLE_BACKEND
                : d.getRole();
        String title = d.getTitle().isBlank() ? "Defect " + n + " of sprint " + sprint : d.getTitle();
        return TaskSpec.newBuilder()
                .setTaskId("D" + sprint + "-" + n)
                .setRole(role)
                .setTitle(title.length() > 200 ? title.substring(0, 200) : title)
                .setDescription(d.getDescription()
                        + (d.getFailingOutput().isBlank() ? "" : "\n\nFailing output:\n" + d.getFailingOutput()))
                .setEstimatePoints(1)
                .setKind(TaskKind.TASK_KIND_DEFECT_FIX)
                .build();
    }
}
