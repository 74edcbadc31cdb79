package dev.aios.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A project's board as text, from the API's project and task views: a header with status, sprint, progress and cost,
 * a progress bar, then the tasks by column (in progress, review, todo, done, abandoned), each column cut to a few lines
 * so that a project of hundreds of tasks still fits a terminal.
 */
final class TerminalBoard {
    static final int LINES_PER_COLUMN = 8;
    private static final int BAR = 30;

    private TerminalBoard() {}

    static String header(JsonNode project) {
        int done = project.at("/progress/tasksDone").asInt();
        int total = project.at("/progress/tasksTotal").asInt();
        String status = project.path("status").asString();
        String reason = project.path("stopReason").asString("");
        return clean(project.path("name").asString()) + "  " + status
                + (project.path("currentSprint").asInt() > 0
                        ? "  sprint " + project.path("currentSprint").asInt()
                        : "")
                + "  tasks " + done + "/" + total
                + "  spent " + Money.dollars(project.at("/cost/spentMicros").asLong())
                + " of " + Money.dollars(project.at("/cost/budgetMicros").asLong())
                + (reason.isBlank() ? "" : "  (" + clean(reason) + ")");
    }

    static String render(JsonNode project, JsonNode tasks) {
        var out = new StringBuilder(header(project)).append('\n');
        int done = project.at("/progress/tasksDone").asInt();
        int total = project.at("/progress/tasksTotal").asInt();
        int filled = total == 0 ? 0 : (int) Math.round((double) BAR * done / total);
        out.append('[')
                .append("#".repeat(filled))
                .append(".".repeat(BAR - filled))
                .append("] ")
                .append(total == 0 ? "planning" : (100 * done / total) + "%")
                .append('\n');
        for (Map.Entry<String, List<JsonNode>> column : columns(tasks).entrySet()) {
            List<JsonNode> in = column.getValue();
            out.append(column.getKey()).append(" (").append(in.size()).append(")\n");
            for (JsonNode task : in.subList(0, Math.min(in.size(), LINES_PER_COLUMN))) {
                out.append("  ").append(line(task)).append('\n');
            }
            if (in.size() > LINES_PER_COLUMN) {
                out.append("  … and ").append(in.size() - LINES_PER_COLUMN).append(" more\n");
            }
        }
        return out.toString();
    }

    /** What waits for a person, with the commands that decide it; empty when nothing waits. */
    static String waiting(JsonNode approvals, String projectId) {
        var out = new StringBuilder();
        for (JsonNode a : approvals) {
            if (!a.path("status").asString().equals("WAITING")) {
                continue;
            }
            String item = clean(a.path("item").asString());
            out.append("  ")
                    .append(item)
                    .append("  ")
                    .append(clean(a.path("kind").asString()));
            if (!a.path("why").isEmpty()) {
                out.append(": ").append(clean(a.path("why").get(0).asString()));
            }
            if (!a.path("deadline").asString("").isEmpty()) {
                out.append(" (decided by default at ")
                        .append(clean(a.path("deadline").asString()))
                        .append(')');
            }
            out.append('\n');
            for (JsonNode what : limit(a.path("what"))) {
                out.append("    ").append(clean(what.asString())).append('\n');
            }
            out.append("    ./aios approve ")
                    .append(projectId)
                    .append(' ')
                    .append(item)
                    .append("  |  ./aios reject ")
                    .append(projectId)
                    .append(' ')
                    .append(item)
                    .append(" --feedback TEXT\n");
        }
        return out.isEmpty() ? "" : "waiting for approval\n" + out;
    }

    private static List<JsonNode> limit(JsonNode lines) {
        var list = new ArrayList<JsonNode>();
        lines.forEach(list::add);
        return list.subList(0, Math.min(list.size(), LINES_PER_COLUMN));
    }

    /** The board's columns in reading order; a sprint review that is under way is "review". */
    static Map<String, List<JsonNode>> columns(JsonNode tasks) {
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        for (String name : List.of("in progress", "review", "todo", "done", "abandoned")) {
            columns.put(name, new ArrayList<>());
        }
        for (JsonNode task : tasks) {
            boolean review = task.path("kind").asString().contains("REVIEW");
            String column = switch (task.path("status").asString()) {
                case "ASSIGNED" -> review ? "review" : "in progress";
                case "DONE" -> "done";
                case "AWAITING_APPROVAL" -> "review";
                case "ABANDONED" -> "abandoned";
                default -> "todo";
            };
            columns.get(column).add(task);
        }
        return columns;
    }

    static String line(JsonNode task) {
        String agent = task.path("agentId").asString("");
        long cost = task.path("costMicros").asLong();
        return clean(task.path("taskId").asString()) + "  "
                + clean(task.path("title").asString())
                + "  [" + task.path("role").asString().toLowerCase(Locale.ROOT)
                + (task.path("points").asInt() > 0 ? ", " + task.path("points").asInt() + " pt" : "")
                + (task.path("attempt").asInt() > 1
                        ? ", attempt " + task.path("attempt").asInt()
                        : "")
                + (agent.isBlank() ? "" : ", " + clean(agent))
                + (cost > 0 ? ", " + Money.dollars(cost) : "") + "]";
    }

    /** Text from the server printed as text: no control characters that could move the cursor or recolour the screen. */
    static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
