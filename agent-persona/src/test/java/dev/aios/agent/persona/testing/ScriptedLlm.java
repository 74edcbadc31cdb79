package dev.aios.agent.persona.testing;

import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A fake model that answers from a script, in order, and records every request it was sent. */
public final class ScriptedLlm implements LlmClient {
    private final Deque<Supplier<LlmResponse>> script = new ArrayDeque<>();
    private final List<LlmRequest> requests = new ArrayList<>();

    public ScriptedLlm answers(String content) {
        script.add(() -> response(content, 100, 50));
        return this;
    }

    public ScriptedLlm fails(LlmCallException.Kind kind) {
        script.add(() -> {
            throw new LlmCallException(kind, "scripted " + kind);
        });
        return this;
    }

    @Override
    public synchronized LlmResponse chat(LlmRequest request) {
        requests.add(request);
        if (script.isEmpty()) {
            throw new AssertionError("the model was called more often than scripted: call " + requests.size());
        }
        return script.removeFirst().get();
    }

    public synchronized List<LlmRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized LlmRequest lastRequest() {
        return requests.getLast();
    }

    /** The text of every message of the last request, joined: what the model was shown. */
    public synchronized String lastPrompt() {
        return String.join(
                "\n",
                requests.getLast().messages().stream().map(m -> m.content()).toList());
    }

    static LlmResponse response(String content, long in, long out) {
        return new LlmResponse(
                content, "local", "fake", "fake-model", new TokenUsage(in, out), 7, 1, false, false, false);
    }
}
