package dev.aios.standalone.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Renders the project's event stream as one readable line (or a few) per event, as it happens. */
final class SprintPrinter {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private int tasksCompleted;
    private int llmCalls;
    private int recordedCalls;
    private String endReason = "";
    private long inputTokens;
    private long outputTokens;
    private long costMicros;
    private final List<String> tiers = new ArrayList<>();

    SprintPrinter(PrintStream out) {
        this.out = out;
    }

    void print(String type, JsonNode event) {
        JsonNode p = event.path("payload");
        String line = switch (type) {
            case "ProjectSubmitted" -> "project submitted: " + p.path("name").asString();
            case "PlanProject" ->
                "CTO asked to plan (attempt " + p.path("attempt").asInt(1) + ")";
            case "BacklogProposed" -> backlog(p);
            case "BacklogAccepted" ->
                "backlog accepted: " + p.path("taskCount").asInt() + " tasks, "
                        + p.path("totalPoints").asInt() + " points";
            case "BacklogRejected" ->
                "backlog rejected: " + join(p.path("reasons"))
                        + (p.path("final").asBoolean() ? " (final)" : "");
            case "SprintPlanned" ->
                "sprint " + p.path("sprintNumber").asInt() + " planned: " + join(p.path("taskIds")) + " ("
                        + p.path("plannedPoints").asInt() + "/"
                        + p.path("capacityPoints").asInt() + " points)";
            case "TaskAssigned" ->
                "  -> " + p.path("taskId").asString() + " ["
                        + role(p.path("task").path("role").asString()) + "] "
                        + p.path("task").path("title").asString() + attempt(p);
            case "TaskStarted" ->
                "     " + p.path("taskId").asString() + " started by "
                        + p.path("agentId").asString();
            case "TaskProgress" ->
                "     " + p.path("taskId").asString() + ": " + p.path("message").asString();
            case "TaskCompleted" -> completed(p);
            case "TaskFailed" ->
                "  !! " + p.path("taskId").asString() + " failed ("
                        + (p.path("retriable").asBoolean() ? "retriable" : "final") + "): "
                        + p.path("reason").asString();
            case "TaskLeaseExpired" -> "  !! " + p.path("taskId").asString() + " lease expired: reassigning";
            case "TaskAbandoned" ->
                "  !! " + p.path("taskId").asString() + " abandoned: "
                        + p.path("reason").asString();
            case "LlmCallCompleted" -> llmCall(p);
            case "SprintReviewed" -> review(p);
            case "SprintCompleted" ->
                "sprint " + p.path("sprintNumber").asInt() + " completed: " + join(p.path("completedTaskIds"));
            case "ApprovalRequested" ->
                "waits for a person: " + p.path("itemId").asString() + " ("
                        + p.path("kind")
                                .asString()
                                .replace("APPROVAL_KIND_", "")
                                .replace('_', ' ')
                                .toLowerCase(Locale.ROOT)
                        + "): " + join(p.path("why"));
            case "ApprovalGranted" ->
                "approved: " + p.path("itemId").asString() + " by "
                        + p.path("grantedBy").asString();
            case "ApprovalRejected" ->
                "rejected: " + p.path("itemId").asString() + " by "
                        + p.path("rejectedBy").asString() + ": "
                        + p.path("feedback").asString();
            case "ProjectPaused" -> "project paused: " + p.path("reason").asString();
            case "ProjectResumed" -> "project resumed: " + p.path("reason").asString();
            case "BudgetChanged" ->
                "budget changed to " + usd(p.path("budgetMicros").asLong());
            case "ProjectDelivered" ->
                "project delivered: " + p.path("tasksCompleted").asInt() + " tasks in "
                        + p.path("sprints").asInt() + " sprint(s)";
            case "ProjectStopped" -> {
                endReason = p.path("reason").asString();
                yield "project stopped (" + p.path("cause").asString() + "): " + endReason;
            }
            case "ProjectFailed" -> {
                endReason = p.path("reason").asString();
                yield "project FAILED at " + p.path("taskId").asString() + ": " + endReason;
            }
            default -> type;
        };
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, line);
        out.flush();
    }

    private String backlog(JsonNode p) {
        StringBuilder s = new StringBuilder("CTO proposed " + p.path("tasks").size() + " tasks:");
        for (JsonNode t : p.path("tasks")) {
            s.append(String.format(
                    Locale.ROOT,
                    "%n           %-4s %-9s %s (%d pts, %s%s)",
                    t.path("taskId").asString(),
                    role(t.path("role").asString()),
                    t.path("title").asString(),
                    t.path("estimatePoints").asInt(),
                    t.path("complexityHint")
                            .asString("COMPLEXITY_UNSPECIFIED")
                            .replace("COMPLEXITY_", "")
                            .toLowerCase(Locale.ROOT),
                    t.path("dependsOn").isEmpty() ? "" : ", after " + join(t.path("dependsOn"))));
        }
        return s.toString();
    }

    private String completed(JsonNode p) {
        if (!p.has("review")) {
            tasksCompleted++; // sprint reviews are QA's verdicts, not backlog tasks
        }
        List<String> files = new ArrayList<>();
        p.path("changeset").path("writes").forEach(w -> files.add(w.path("path").asString()));
        String review = "";
        if (p.has("review")) {
            review = " | tests " + (p.path("review").path("passed").asBoolean() ? "PASSED" : "FAILED");
        }
        JsonNode provenance = p.path("provenance");
        String by = provenance.path("model").asString("").isEmpty()
                ? ""
                : " [" + provenance.path("promptVersion").asString() + ", "
                        + provenance.path("model").asString()
                        + (provenance.path("recorded").asBoolean() ? ", recorded" : "") + "]";
        return "  ok " + p.path("taskId").asString() + " completed by "
                + p.path("agentId").asString() + by + ": " + p.path("summary").asString()
                + (files.isEmpty() ? "" : "\n           files: " + String.join(", ", files)) + review;
    }

    private String llmCall(JsonNode p) {
        llmCalls++;
        boolean recorded = p.path("scripted").asBoolean();
        if (recorded) {
            recordedCalls++;
        }
        long in = p.path("inputTokens").asLong();
        long outTokens = p.path("outputTokens").asLong();
        long cost = p.path("costMicros").asLong();
        inputTokens += in;
        outputTokens += outTokens;
        costMicros += cost;
        tiers.add(p.path("tier").asString());
        String source = recorded
                ? "RECORDED: replayed answer of " + p.path("model").asString()
                : p.path("provider").asString() + " " + p.path("model").asString();
        return "     llm " + p.path("role").asString() + "/" + p.path("taskId").asString() + ": tier "
                + p.path("tier").asString()
                + " (" + source
                + (p.path("cached").asBoolean() ? ", cached" : "")
                + (p.path("fallback").asBoolean() ? ", fallback" : "") + ") "
                + in + " in / " + outTokens + " out tokens, " + usd(cost)
                + (p.path("decisionReason").asString().isBlank()
                        ? ""
                        : "\n           why: " + p.path("decisionReason").asString());
    }

    private String review(JsonNode p) {
        JsonNode r = p.path("report");
        StringBuilder s = new StringBuilder("QA review of sprint "
                + p.path("sprintNumber").asInt() + ": "
                + (p.path("passed").asBoolean() ? "PASSED" : "FAILED") + " - `"
                + r.path("command").asString() + "` ran "
                + r.path("testsRun").asInt() + " tests, "
                + r.path("testsFailed").asInt() + " failed, exit "
                + r.path("exitCode").asInt() + " in " + r.path("durationMs").asLong() + " ms");
        s.append("\n           sandbox: ")
                .append(r.path("networkIsolated").asBoolean() ? "no network" : "network NOT isolated")
                .append(
                        r.path("isolationNote").asString().isBlank()
                                ? ""
                                : " (" + r.path("isolationNote").asString() + ")");
        for (JsonNode d : p.path("defects")) {
            s.append("\n           defect: ").append(d.path("title").asString());
        }
        return s.toString();
    }

    /** Why the project stopped or failed, from its final event; empty otherwise. */
    String endReason() {
        return endReason;
    }

    int tasksCompleted() {
        return tasksCompleted;
    }

    String usageSummary() {
        return llmCalls + " LLM calls (" + recordedCalls + " replayed from a recording), tiers " + tierCounts() + ", "
                + inputTokens + " input / " + outputTokens + " output tokens, " + usd(costMicros);
    }

    private String tierCounts() {
        StringBuilder s = new StringBuilder();
        for (String tier : tiers.stream().distinct().sorted().toList()) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(tier)
                    .append('=')
                    .append(tiers.stream().filter(tier::equals).count());
        }
        return s.isEmpty() ? "none" : s.toString();
    }

    static String usd(long micros) {
        return String.format(Locale.ROOT, "$%.4f", micros / 1_000_000.0);
    }

    private static String role(String protoRole) {
        return protoRole.replace("AGENT_ROLE_", "").toLowerCase(Locale.ROOT);
    }

    private static String attempt(JsonNode p) {
        int attempt = p.path("attempt").asInt(1);
        return attempt > 1 ? " (attempt " + attempt + ")" : "";
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.asString()));
        return String.join(", ", items);
    }
}
