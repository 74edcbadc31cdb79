package dev.aios.agent.persona.testing;

import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test fake that answers from a recorded cassette by role and task, in recorded order: enough to drive one persona
 * through its recorded answers without the router. Unlike the router's replay it does not check that the request is
 * the recorded one, so it is for persona tests only. Every answer is marked as not live.
 */
public final class RecordedLlm implements LlmClient {
    /** The url-shortener scenario's recording, relative to any module directory of the build. */
    public static final Path SAMPLE_BRIEF_CASSETTE =
            Path.of("../standalone/src/main/resources/scenarios/url-shortener/cassette.json");

    public static final Path SAMPLE_BRIEF =
            Path.of("../standalone/src/main/resources/scenarios/url-shortener/brief.md");

    private final Map<String, Deque<JsonNode>> answers;

    private RecordedLlm(Map<String, Deque<JsonNode>> answers) {
        this.answers = answers;
    }

    public static RecordedLlm load(Path cassette) throws IOException {
        Map<String, Deque<JsonNode>> answers = new HashMap<>();
        for (JsonNode exchange : JsonMapper.builder()
                .build()
                .readTree(Files.readString(cassette))
                .path("exchanges")) {
            answers.computeIfAbsent(
                            exchange.path("role").asString() + "/"
                                    + exchange.path("task").asString(),
                            k -> new ArrayDeque<>())
                    .add(exchange);
        }
        return new RecordedLlm(answers);
    }

    /** The first recorded exchange of a role and task. */
    public JsonNode first(String role, String task) {
        return answers.getOrDefault(role + "/" + task, new ArrayDeque<>()).getFirst();
    }

    @Override
    public synchronized LlmResponse chat(LlmRequest request) {
        Deque<JsonNode> left =
                answers.get(request.metadata().role() + "/" + request.metadata().taskId());
        JsonNode exchange = left == null ? null : left.poll();
        if (exchange == null) {
            throw new LlmCallException(
                    LlmCallException.Kind.NOT_RECORDED,
                    "no recording left for role " + request.metadata().role() + ", task "
                            + request.metadata().taskId());
        }
        return new LlmResponse(
                exchange.path("response").asString(),
                exchange.path("tier").asString(),
                "replay",
                exchange.path("model").asString(),
                new TokenUsage(
                        exchange.path("inputTokens").asLong(),
                        exchange.path("outputTokens").asLong()),
                exchange.path("costMicros").asLong(),
                0,
                false,
                false,
                true);
    }
}
