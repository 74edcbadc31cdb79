package dev.aios.agent.persona;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.Provenance;
import dev.aios.agent.task.Usage;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls the model for structured JSON output and reads it; when the answer is unusable, sends exactly one repair
 * request that quotes the reason. Model failures and still-invalid output become {@link CallResult.Rejected},
 * never exceptions, so a persona can turn them into a TaskFailed.
 */
public final class StructuredCall {
    static final int MAX_REPAIR_OUTPUT_TOKENS = 32_000;

    private final LlmClient llm;
    private final Prompt repairPrompt;

    public StructuredCall(LlmClient llm) {
        this.llm = requireNonNull(llm, "llm client");
        this.repairPrompt = Prompt.load(StructuredCall.class, "repair", 1);
    }

    public <T> CallResult<T> call(LlmRequest request, OutputReader<T> reader) {
        Usage usage = Usage.NONE;
        LlmResponse first;
        try {
            first = llm.chat(request);
        } catch (LlmCallException e) {
            return modelFailure(e, usage);
        }
        usage = usage.plus(usageOf(first));
        String reason;
        try {
            return new CallResult.Parsed<>(
                    read(first.content(), reader), usage, provenance(request, first, first, false));
        } catch (InvalidOutputException e) {
            reason = e.getMessage();
        }

        LlmResponse second;
        try {
            second = llm.chat(repairRequest(request, first.content(), reason));
        } catch (LlmCallException e) {
            return modelFailure(e, usage);
        }
        usage = usage.plus(usageOf(second));
        try {
            T value = read(second.content(), reader);
            return new CallResult.Parsed<>(value, usage, provenance(request, first, second, true));
        } catch (InvalidOutputException e) {
            return new CallResult.Rejected<>(
                    "model output still invalid after one repair request: " + e.getMessage() + " (first answer: "
                            + reason + ")",
                    false,
                    usage,
                    false);
        }
    }

    private static <T> T read(String answer, OutputReader<T> reader) throws InvalidOutputException {
        return reader.read(JsonExtractor.extract(answer));
    }

    private LlmRequest repairRequest(LlmRequest original, String badAnswer, String reason) {
        List<ChatMessage> messages = new ArrayList<>(original.messages());
        messages.add(ChatMessage.assistant(badAnswer));
        messages.add(ChatMessage.user(repairPrompt.text().replace("{{reason}}", reason)));
        // an answer cut off at the output limit would be cut off again at the same limit
        int maxTokens = reason.contains(JsonExtractor.TRUNCATED)
                ? Math.min(original.maxOutputTokens() * 2, MAX_REPAIR_OUTPUT_TOKENS)
                : original.maxOutputTokens();
        return new LlmRequest(messages, original.temperature(), maxTokens, original.metadata());
    }

    private static <T> CallResult<T> modelFailure(LlmCallException e, Usage usage) {
        return new CallResult.Rejected<>(
                "model call failed (" + e.kind() + "): " + e.getMessage(),
                e.retriable(),
                usage,
                e.kind().fatalToProject(),
                e.kind() == LlmCallException.Kind.BUDGET_EXHAUSTED);
    }

    /** The model of the answer that was used; recorded if any answer was replayed rather than produced live. */
    private static Provenance provenance(LlmRequest request, LlmResponse first, LlmResponse used, boolean repaired) {
        return new Provenance(
                request.metadata().promptVersion(),
                used.tier(),
                used.provider(),
                used.model(),
                first.scripted() || used.scripted(),
                repaired);
    }

    static Usage usageOf(LlmResponse response) {
        return new Usage(response.tokens().inputTokens(), response.tokens().outputTokens(), response.costMicros(), 1);
    }
}
