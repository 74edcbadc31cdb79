package dev.aios.orchestrator.agui;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.agui.AguiEvent.Custom;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code CUSTOM} event of a stored fact AG-UI has no event for: {@code aios.llm_call} with the call's routing and
 * cost, and for the others the stored payload as {@code GET /events} renders it.
 */
final class CustomEvents {
    private static final JsonFormat.Printer PROTO_JSON = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CustomEvents() {}

    static Optional<Custom> of(Message event, long at) {
        return Optional.ofNullable(
                switch (event) {
                    case LlmCallCompleted e -> new Custom(at, "aios.llm_call", llmCall(e));
                    case BacklogRejected e -> new Custom(at, "aios.backlog_rejected", payload(e));
                    case TaskProgress e -> new Custom(at, "aios.task_progress", payload(e));
                    case TaskFailed e -> new Custom(at, "aios.task_failed", payload(e));
                    case TaskLeaseExpired e -> new Custom(at, "aios.task_lease_expired", payload(e));
                    case SprintReviewed e -> new Custom(at, "aios.sprint_reviewed", payload(e));
                    case BudgetChanged e -> new Custom(at, "aios.budget_changed", payload(e));
                    case ProjectPaused e -> new Custom(at, "aios.project_paused", payload(e));
                    case ProjectResumed e -> new Custom(at, "aios.project_resumed", payload(e));
                    case ApprovalRequested e -> new Custom(at, "aios.approval_requested", approvalRequested(e));
                    case ApprovalGranted e ->
                        new Custom(at, "aios.approval_decided", payload(e).put("decision", "granted"));
                    case ApprovalRejected e ->
                        new Custom(at, "aios.approval_decided", payload(e).put("decision", "rejected"));
                    default -> null;
                });
    }

    private static ObjectNode llmCall(LlmCallCompleted e) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("callId", e.getCallId())
                .put("taskId", e.getTaskId())
                .put("role", e.getRole())
                .put("tier", e.getTier())
                .put("requestedTier", e.getRequestedTier())
                .put("provider", e.getProvider())
                .put("model", e.getModel())
                .put("reason", e.getDecisionReason())
                .put("score", e.getScore())
                .put("inputTokens", e.getInputTokens())
                .put("outputTokens", e.getOutputTokens())
                .put("costMicros", e.getCostMicros())
                .put("latencyMs", e.getLatencyMs())
                .put("cached", e.getCached())
                .put("fallback", e.getFallback())
                .put("scripted", e.getScripted());
    }

    /** What waits and why, without the waiting changeset's contents (the board shows them from the task). */
    private static ObjectNode approvalRequested(ApprovalRequested e) {
        return payload(e.toBuilder().clearChange().build());
    }

    private static ObjectNode payload(Message m) {
        try {
            return (ObjectNode) MAPPER.readTree(PROTO_JSON.print(m));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(
                    "an allow-listed event does not print as JSON: " + m.getDescriptorForType(), e);
        }
    }
}
