package dev.aios.standalone.scenario;

import dev.aios.router.client.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI's chat-completions wire format as the server writes it: a whole completion, its SSE chunks, an error, models. */
final class CompletionWire {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Streamed pieces are about this long, cut after whitespace, as a model streams a few tokens at a time. */
    private static final int CHUNK_CHARS = 48;

    private CompletionWire() {}

    /** Token counts derived from the text alone (a quarter of the characters, rounded up), so recordings repeat. */
    record Usage(long promptTokens, long completionTokens) {
        static long tokens(String text) {
            return (text.length() + 3) / 4;
        }

        static long promptTokens(List<ChatMessage> messages) {
            return messages.stream().mapToLong(m -> tokens(m.content())).sum();
        }

        ObjectNode json() {
            return JSON.createObjectNode()
                    .put("prompt_tokens", promptTokens)
                    .put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
        }
    }

    /** One answer as it goes out: its text, why it ended ("stop", or "length" when cut at max_tokens), its usage. */
    record Answer(String id, long created, String content, String finishReason, Usage usage) {}

    static String completion(Answer answer) {
        ObjectNode root = envelope(answer, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer.content());
        choice.put("finish_reason", answer.finishReason());
        root.set("usage", answer.usage().json());
        return JSON.writeValueAsString(root);
    }

    /** The server-sent events of a streamed answer: role, content pieces, the finish reason, usage if asked, [DONE]. */
    static String stream(Answer answer, boolean includeUsage) {
        StringBuilder sse = new StringBuilder();
        ObjectNode first = chunk(answer);
        first.putArray("choices")
                .addObject()
                .put("index", 0)
                .putNull("finish_reason")
                .putObject("delta")
                .put("role", "assistant")
                .put("content", "");
        event(sse, first);
        for (String piece : pieces(answer.content())) {
            ObjectNode chunk = chunk(answer);
            chunk.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .putNull("finish_reason")
                    .putObject("delta")
                    .put("content", piece);
            event(sse, chunk);
        }
        ObjectNode last = chunk(answer);
        last.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", answer.finishReason())
                .putObject("delta");
        event(sse, last);
        if (includeUsage) {
            ObjectNode usage = chunk(answer);
            usage.putArray("choices");
            usage.set("usage", answer.usage().json());
            event(sse, usage);
        }
        return sse.append("data: [DONE]\n\n").toString();
    }

    static String error(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", code);
        return JSON.writeValueAsString(root);
    }

    static String models(long created) {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        root.putArray("data")
                .addObject()
                .put("id", ScenarioModelServer.MODEL)
                .put("object", "model")
                .put("created", created)
                .put("owned_by", "aios-scenarios (scripted answers, not a model)");
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode envelope(Answer answer, String object) {
        return JSON.createObjectNode()
                .put("id", answer.id())
                .put("object", object)
                .put("created", answer.created())
                .put("model", ScenarioModelServer.MODEL);
    }

    private static ObjectNode chunk(Answer answer) {
        return envelope(answer, "chat.completion.chunk");
    }

    private static void event(StringBuilder sse, ObjectNode data) {
        sse.append("data: ").append(JSON.writeValueAsString(data)).append("\n\n");
    }

    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + CHUNK_CHARS);
            int space = end == text.length() ? end : lastBreak(text, start, end);
            pieces.add(text.substring(start, space));
            start = space;
        }
        return pieces;
    }

    private static int lastBreak(String text, int start, int end) {
        for (int i = end; i > start; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        // a long run without whitespace: cut anywhere but inside a surrogate pair
        return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }
}
