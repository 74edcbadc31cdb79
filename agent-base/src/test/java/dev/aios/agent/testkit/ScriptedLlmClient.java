package dev.aios.agent.testkit;

import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A fake model that replays a script: each call takes the next step (a reply, a failure, or a function of the
 * request). Every response says {@code scripted = true}; an exhausted script fails loudly instead of inventing text.
 */
public final class ScriptedLlmClient implements LlmClient {
    private final Deque<Function<LlmRequest, LlmResponse>> script = new ArrayDeque<>();
    private final List<LlmRequest> requests = new ArrayList<>();

    public static ScriptedLlmClient replying(String... replies) {
        ScriptedLlmClient client = new ScriptedLlmClient();
        for (String reply : replies) {
            client.thenReply(reply);
        }
        return client;
    }

    public synchronized ScriptedLlmClient thenReply(String content) {
        script.add(request -> response(content));
        return this;
    }

    public synchronized ScriptedLlmClient thenFail(LlmCallException.Kind kind, String message) {
        script.add(request -> {
            throw new LlmCallException(kind, message);
        });
        return this;
    }

    public synchronized ScriptedLlmClient thenAnswer(Function<LlmRequest, String> answer) {
        script.add(request -> response(answer.apply(request)));
        return this;
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        Function<LlmRequest, LlmResponse> step;
        synchronized (this) {
            requests.add(request);
            step = script.poll();
        }
        if (step == null) {
            throw new LlmCallException(
                    LlmCallException.Kind.INVALID_REQUEST, "scripted model: no reply left for call " + requests.size());
        }
        return step.apply(request);
    }

    public synchronized List<LlmRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized int remaining() {
        return script.size();
    }

    private static LlmResponse response(String content) {
        return new LlmResponse(
                content,
                "local",
                "scripted",
                "scripted",
                new TokenUsage(content.length() / 4 + 1, content.length() / 4 + 1),
                0,
                0,
                false,
                false,
                true);
    }
}
