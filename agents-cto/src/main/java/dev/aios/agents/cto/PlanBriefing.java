package dev.aios.agents.cto;

import dev.aios.agent.task.PlanRequest;

/** The user message of a planning call; a re-plan quotes every reason the last backlog was rejected. */
final class PlanBriefing {
    private PlanBriefing() {}

    static String render(PlanRequest request) {
        StringBuilder out = new StringBuilder();
        out.append("# Project: ").append(request.projectName()).append("\n\n");
        out.append("## Brief\n").append(request.brief().strip()).append("\n\n");
        if (!request.previousRejectionReasons().isEmpty()) {
            out.append("## Your previous backlog (attempt ")
                    .append(request.attempt() - 1)
                    .append(") was rejected\nFix every one of these problems in the new backlog:\n");
            request.previousRejectionReasons()
                    .forEach(reason -> out.append("- ").append(reason).append('\n'));
            out.append('\n');
        }
        out.append("Plan attempt ").append(request.attempt()).append(". Answer with the JSON object only.\n");
        return out.toString();
    }
}
