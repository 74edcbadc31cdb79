package dev.aios.router.cassette;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.ToolCall;
import java.util.List;

/**
 * One recorded model call: which call it was (the digest of its request, and for people: brief, prompt, role, task),
 * who answered and with what, and what it cost. A call the router refused or a provider failed is recorded too, with
 * {@code errorKind} (an {@code LlmCallException.Kind}) and the message instead of a response, so a replay refuses it
 * the same way. An answer that asked for tool calls holds them, and why the model stopped ({@code finishReason}).
 */
public record Exchange(
        int seq,
        String requestDigest,
        String briefDigest,
        String promptVersion,
        String role,
        String taskId,
        String tier,
        String provider,
        String model,
        String response,
        long inputTokens,
        long outputTokens,
        long costMicros,
        String errorKind,
        List<ToolCall> toolCalls,
        String finishReason) {
    public Exchange {
        requireNonNull(requestDigest, "request digest");
        requireNonNull(briefDigest, "brief digest");
        requireNonNull(promptVersion, "prompt version");
        requireNonNull(role, "role");
        requireNonNull(taskId, "task id");
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(response, "response");
        requireNonNull(errorKind, "error kind");
        toolCalls = List.copyOf(toolCalls);
        requireNonNull(finishReason, "finish reason");
    }

    /** An answer without tool calls that stopped normally, or a refusal. */
    public Exchange(
            int seq,
            String requestDigest,
            String briefDigest,
            String promptVersion,
            String role,
            String taskId,
            String tier,
            String provider,
            String model,
            String response,
            long inputTokens,
            long outputTokens,
            long costMicros,
            String errorKind) {
        this(
                seq,
                requestDigest,
                briefDigest,
                promptVersion,
                role,
                taskId,
                tier,
                provider,
                model,
                response,
                inputTokens,
                outputTokens,
                costMicros,
                errorKind,
                List.of(),
                "stop");
    }

    /** A successful answer. */
    public Exchange(
            int seq,
            String requestDigest,
            String briefDigest,
            String promptVersion,
            String role,
            String taskId,
            String tier,
            String provider,
            String model,
            String response,
            long inputTokens,
            long outputTokens,
            long costMicros) {
        this(
                seq,
                requestDigest,
                briefDigest,
                promptVersion,
                role,
                taskId,
                tier,
                provider,
                model,
                response,
                inputTokens,
                outputTokens,
                costMicros,
                "");
    }

    public boolean failed() {
        return !errorKind.isEmpty();
    }

    /** How messages name this call: {@code #3 backend/T1 (backend-v1)}. */
    public String describe() {
        return "#" + seq + " " + role + "/" + taskId + (promptVersion.isEmpty() ? "" : " (" + promptVersion + ")");
    }
}
