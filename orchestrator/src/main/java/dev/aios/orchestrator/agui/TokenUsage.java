package dev.aios.orchestrator.agui;

import dev.aios.events.v1.LlmCallCompleted;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A run's tokens per provider and model, in the order first used: AG-UI's {@code usage} of the run's end. */
final class TokenUsage {
    private record Model(String provider, String model) {}

    private final Map<Model, long[]> tokens = new LinkedHashMap<>();

    void add(LlmCallCompleted call) {
        long[] t = tokens.computeIfAbsent(new Model(call.getProvider(), call.getModel()), k -> new long[2]);
        t[0] += call.getInputTokens();
        t[1] += call.getOutputTokens();
    }

    ArrayNode json() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        tokens.forEach((m, t) -> list.addObject()
                .put("provider", m.provider())
                .put("model", m.model())
                .put("inputTokens", t[0])
                .put("outputTokens", t[1])
                .put("totalTokens", t[0] + t[1]));
        return list;
    }
}
