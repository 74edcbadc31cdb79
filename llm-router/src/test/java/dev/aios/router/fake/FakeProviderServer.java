package dev.aios.router.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aios.router.client.ToolCall;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local server that speaks the real OpenAI ({@code /v1/chat/completions}) or Anthropic ({@code /v1/messages}) wire
 * format, streaming included, with their real error bodies. Replies are queued; when the queue is empty the default
 * reply answers. It records every request it received.
 */
public final class FakeProviderServer implements AutoCloseable {
    public enum Wire {
        OPENAI,
        ANTHROPIC
    }

    /**
     * One planned reply: a status (200 = answer {@code text}, and the {@code toolCalls} the model makes, in the wire's
     * own shape: OpenAI tool_calls or Anthropic tool_use blocks), extra headers, an optional delay (before the headers,
     * or after them when {@code stallAfterHeaders}), or a raw body.
     */
    public record Reply(
            int status,
            String text,
            long inputTokens,
            long outputTokens,
            Map<String, String> headers,
            Duration delay,
            String rawBody,
            boolean stallAfterHeaders,
            List<ToolCall> toolCalls) {
        public Reply(
                int status,
                String text,
                long inputTokens,
                long outputTokens,
                Map<String, String> headers,
                Duration delay,
                String rawBody,
                boolean stallAfterHeaders) {
            this(status, text, inputTokens, outputTokens, headers, delay, rawBody, stallAfterHeaders, List.of());
        }

        public Reply(
                int status,
                String text,
                long inputTokens,
                long outputTokens,
                Map<String, String> headers,
                Duration delay,
                String rawBody) {
            this(status, text, inputTokens, outputTokens, headers, delay, rawBody, false);
        }
    }

    public record Received(String path, Map<String, List<String>> headers, String body) {
        public boolean streaming() {
            return body.replace(" ", "").contains("\"stream\":true");
        }
    }

    private final Wire wire;
    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> planned = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<java.time.Instant> receivedAt = new CopyOnWriteArrayList<>();
    private volatile Reply fallbackReply = ok("fake answer", 10, 5);

    private FakeProviderServer(Wire wire) throws IOException {
        this.wire = wire;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(wire == Wire.OPENAI ? "/v1/chat/completions" : "/v1/messages", this::handle);
        server.start();
    }

    public static FakeProviderServer openAi() {
        return start(Wire.OPENAI);
    }

    public static FakeProviderServer anthropic() {
        return start(Wire.ANTHROPIC);
    }

    private static FakeProviderServer start(Wire wire) {
        try {
            return new FakeProviderServer(wire);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start fake provider", e);
        }
    }

    /** The base URL adapters are configured with, ending in {@code /v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public static Reply ok(String text, long in, long out) {
        return new Reply(200, text, in, out, Map.of(), Duration.ZERO, null);
    }

    /** The model asks for tool calls (after saying {@code text}, which may be empty); arguments are JSON object text. */
    public static Reply toolCalls(String text, List<ToolCall> calls, long in, long out) {
        return new Reply(200, text, in, out, Map.of(), Duration.ZERO, null, false, calls);
    }

    public static Reply error(int status) {
        return new Reply(status, "", 0, 0, Map.of(), Duration.ZERO, null);
    }

    public static Reply error(int status, Map<String, String> headers) {
        return new Reply(status, "", 0, 0, headers, Duration.ZERO, null);
    }

    public static Reply raw(int status, String body) {
        return new Reply(status, "", 0, 0, Map.of(), Duration.ZERO, body);
    }

    public static Reply slow(Duration delay) {
        return new Reply(200, "late answer", 1, 1, Map.of(), delay, null);
    }

    /** Sends the status line and headers of a 200 at once, then holds the body back for {@code delay}. */
    public static Reply stallAfterHeaders(Duration delay) {
        return new Reply(200, "late body", 1, 1, Map.of(), delay, null, true);
    }

    public FakeProviderServer then(Reply reply) {
        planned.add(reply);
        return this;
    }

    public FakeProviderServer always(Reply reply) {
        fallbackReply = reply;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** When each request arrived, in arrival order: a rate limit is judged by these. */
    public List<java.time.Instant> receivedAt() {
        return List.copyOf(receivedAt);
    }

    public int calls() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request =
                    new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            receivedAt.add(java.time.Instant.now());
            Reply reply = planned.isEmpty() ? fallbackReply : planned.poll();
            if (reply == null) {
                reply = fallbackReply;
            }
            if (reply.stallAfterHeaders()) {
                stallAfterHeaders(exchange, reply, request.streaming());
                return;
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (reply.rawBody() != null) {
                send(exchange, reply.status(), "application/json", reply.rawBody());
            } else if (reply.status() != 200) {
                send(exchange, reply.status(), "application/json", errorBody(reply.status()));
            } else if (request.streaming()) {
                send(
                        exchange,
                        200,
                        "text/event-stream",
                        wire == Wire.OPENAI ? openAiStream(reply) : anthropicStream(reply));
            } else {
                send(exchange, 200, "application/json", wire == Wire.OPENAI ? openAiBody(reply) : anthropicBody(reply));
            }
        }
    }

    private void stallAfterHeaders(HttpExchange exchange, Reply reply, boolean streaming) throws IOException {
        String body = streaming
                ? (wire == Wire.OPENAI ? openAiStream(reply) : anthropicStream(reply))
                : (wire == Wire.OPENAI ? openAiBody(reply) : anthropicBody(reply));
        exchange.getResponseHeaders().set("Content-Type", streaming ? "text/event-stream" : "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.flush();
        try {
            Thread.sleep(reply.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String errorBody(int status) {
        if (wire == Wire.OPENAI) {
            String type = switch (status) {
                case 401 -> "invalid_request_error\",\"code\":\"invalid_api_key";
                case 429 -> "requests\",\"code\":\"rate_limit_exceeded";
                case 400 -> "invalid_request_error\",\"code\":null";
                default -> "server_error\",\"code\":null";
            };
            return "{\"error\":{\"message\":\"fake error " + status + "\",\"type\":\"" + type + "\",\"param\":null}}";
        }
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"fake error " + status + "\"}}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String openAiBody(Reply r) {
        String message = r.toolCalls().isEmpty()
                ? json(r.text()) + "},\"finish_reason\":\"stop\"}]"
                : (r.text().isEmpty() ? "null" : json(r.text())) + ",\"tool_calls\":" + openAiToolCalls(r.toolCalls())
                        + ",\"refusal\":null},\"finish_reason\":\"tool_calls\"}]";
        return "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"fake-gpt\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + message
                + ",\"usage\":{\"prompt_tokens\":" + r.inputTokens() + ",\"completion_tokens\":"
                + r.outputTokens() + ",\"total_tokens\":" + (r.inputTokens() + r.outputTokens()) + "}}";
    }

    private static String openAiToolCalls(List<ToolCall> calls) {
        StringBuilder out = new StringBuilder("[");
        for (ToolCall call : calls) {
            out.append(out.length() > 1 ? "," : "")
                    .append("{\"id\":")
                    .append(json(call.id()))
                    .append(",\"type\":\"function\",\"function\":{\"name\":")
                    .append(json(call.name()))
                    .append(",\"arguments\":")
                    .append(json(call.arguments()))
                    .append("}}");
        }
        return out.append(']').toString();
    }

    private static String openAiStream(Reply r) {
        StringBuilder sse = new StringBuilder();
        for (String piece : r.text().isEmpty() && !r.toolCalls().isEmpty() ? List.<String>of() : pieces(r.text())) {
            sse.append("data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                            + "\"delta\":{\"content\":")
                    .append(json(piece))
                    .append("},\"finish_reason\":null}]}\n\n");
        }
        // as OpenAI streams tool calls: id, type and name with empty arguments first, then argument fragments by index
        for (int i = 0; i < r.toolCalls().size(); i++) {
            ToolCall call = r.toolCalls().get(i);
            sse.append("data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                            + "\"delta\":{\"tool_calls\":[{\"index\":")
                    .append(i)
                    .append(",\"id\":")
                    .append(json(call.id()))
                    .append(",\"type\":\"function\",\"function\":{\"name\":")
                    .append(json(call.name()))
                    .append(",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n");
            for (String fragment : fragments(call.arguments())) {
                sse.append(
                                "data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                                        + "\"delta\":{\"tool_calls\":[{\"index\":")
                        .append(i)
                        .append(",\"function\":{\"arguments\":")
                        .append(json(fragment))
                        .append("}}]},\"finish_reason\":null}]}\n\n");
            }
        }
        sse.append("data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{},\"finish_reason\":\"")
                .append(r.toolCalls().isEmpty() ? "stop" : "tool_calls")
                .append("\"}]}\n\n");
        sse.append("data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{"
                        + "\"prompt_tokens\":")
                .append(r.inputTokens())
                .append(",\"completion_tokens\":")
                .append(r.outputTokens())
                .append("}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    private static String anthropicBody(Reply r) {
        StringBuilder content = new StringBuilder();
        if (!r.text().isEmpty() || r.toolCalls().isEmpty()) {
            content.append("{\"type\":\"text\",\"text\":")
                    .append(json(r.text()))
                    .append('}');
        }
        for (ToolCall call : r.toolCalls()) {
            content.append(content.isEmpty() ? "" : ",")
                    .append("{\"type\":\"tool_use\",\"id\":")
                    .append(json(call.id()))
                    .append(",\"name\":")
                    .append(json(call.name()))
                    .append(",\"input\":")
                    .append(call.arguments())
                    .append('}');
        }
        return "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"fake-claude\",\"content\":["
                + content + "],\"stop_reason\":\"" + (r.toolCalls().isEmpty() ? "end_turn" : "tool_use")
                + "\",\"stop_sequence\":null,\"usage\":{"
                + "\"input_tokens\":" + r.inputTokens() + ",\"output_tokens\":" + r.outputTokens() + "}}";
    }

    private static String anthropicStream(Reply r) {
        StringBuilder sse = new StringBuilder();
        sse.append(
                        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\",\"type\":\"message\","
                                + "\"role\":\"assistant\",\"content\":[],\"model\":\"fake-claude\",\"usage\":{\"input_tokens\":")
                .append(r.inputTokens())
                .append(",\"output_tokens\":1}}}\n\n");
        sse.append("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        int block = 0;
        if (!r.text().isEmpty() || r.toolCalls().isEmpty()) {
            sse.append(
                    "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                            + "{\"type\":\"text\",\"text\":\"\"}}\n\n");
            for (String piece : pieces(r.text())) {
                sse.append(
                                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                                        + "\"text_delta\",\"text\":")
                        .append(json(piece))
                        .append("}}\n\n");
            }
            sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
            block++;
        }
        // as Anthropic streams tool use: a tool_use block with an empty input, then input_json_delta fragments
        for (ToolCall call : r.toolCalls()) {
            sse.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":")
                    .append(block)
                    .append(",\"content_block\":{\"type\":\"tool_use\",\"id\":")
                    .append(json(call.id()))
                    .append(",\"name\":")
                    .append(json(call.name()))
                    .append(",\"input\":{}}}\n\n");
            List<String> fragments = new java.util.ArrayList<>(List.of(""));
            fragments.addAll(fragments(call.arguments()));
            for (String fragment : fragments) {
                sse.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":")
                        .append(block)
                        .append(",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":")
                        .append(json(fragment))
                        .append("}}\n\n");
            }
            sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":")
                    .append(block)
                    .append("}\n\n");
            block++;
        }
        sse.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"")
                .append(r.toolCalls().isEmpty() ? "end_turn" : "tool_use")
                .append("\"," + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":")
                .append(r.outputTokens())
                .append("}}\n\n");
        sse.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return sse.toString();
    }

    /** Splits JSON arguments into short fragments that cut through keys and values, as providers stream them. */
    private static List<String> fragments(String arguments) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.length(); i += 7) {
            out.add(arguments.substring(i, Math.min(arguments.length(), i + 7)));
        }
        return out;
    }

    /** Splits an answer into word-sized chunks, as real providers stream it. */
    private static List<String> pieces(String text) {
        return List.of(text.split("(?<= )"));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
