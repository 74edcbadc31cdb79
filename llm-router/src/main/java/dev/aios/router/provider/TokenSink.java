package dev.aios.router.provider;

import dev.aios.router.client.ToolCall;
import java.util.List;

/** Receives the fragments of a streamed answer, in order: text, and pieces of the tool calls the model makes. */
@FunctionalInterface
public interface TokenSink {
    TokenSink NONE = token -> {};

    void accept(String token);

    /** A piece of a tool call; a sink that only shows text may ignore it (the reply still holds every call whole). */
    default void acceptToolCall(ToolCallDelta delta) {}

    /** Streams a whole answer that was not produced now (a cache hit, a replay): its text, then each tool call in one piece. */
    static void replay(String content, List<ToolCall> toolCalls, TokenSink sink) {
        if (!content.isEmpty() || toolCalls.isEmpty()) {
            sink.accept(content);
        }
        for (int i = 0; i < toolCalls.size(); i++) {
            ToolCall call = toolCalls.get(i);
            sink.acceptToolCall(new ToolCallDelta(i, call.id(), call.name(), call.arguments()));
        }
    }

    /** A sink that passes everything on to {@code sink} and runs {@code onFragment} first, for decorators that track progress. */
    static TokenSink observing(TokenSink sink, Runnable onFragment) {
        return new TokenSink() {
            @Override
            public void accept(String token) {
                onFragment.run();
                sink.accept(token);
            }

            @Override
            public void acceptToolCall(ToolCallDelta delta) {
                onFragment.run();
                sink.acceptToolCall(delta);
            }
        };
    }
}
