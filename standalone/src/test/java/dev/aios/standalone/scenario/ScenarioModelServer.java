package dev.aios.standalone.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aios.router.client.ChatMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A SCRIPTED STAND-IN FOR A MODEL, NOT A MODEL: an OpenAI-compatible chat-completions server on 127.0.0.1 that answers
 * the personas' calls of the recorded scenarios with authored files. Like a model it decides from the request alone
 * (see {@link CallRecognizer}); a request it does not recognise gets an OpenAI-style 400 naming what it did not
 * recognise, never a made-up answer. Every response names the model {@value #MODEL}, and token counts are a quarter of
 * the characters, so a recording made against it repeats exactly. {@code ./aios demo --record} uses it to make the
 * scenario cassettes.
 */
public final class ScenarioModelServer implements AutoCloseable {
    public static final String MODEL = "aios-scenario-server";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USAGE =
            "usage: ScenarioModelServer [--port N]  (a scripted stand-in for a model on 127.0.0.1)";

    private final HttpServer server;
    private final CallRecognizer recognizer;
    private final ScenarioAnswers answers;
    private final Consumer<String> log;

    private ScenarioModelServer(HttpServer server, ScenarioAnswers answers, Consumer<String> log) {
        this.server = server;
        this.answers = answers;
        this.recognizer = new CallRecognizer(answers.briefs());
        this.log = log;
    }

    /** Starts on 127.0.0.1 ({@code port} 0 picks a free one) with the answers on the class path. */
    public static ScenarioModelServer start(int port, Consumer<String> log) throws IOException {
        return start(port, ScenarioAnswers.fromClasspath(), log);
    }

    static ScenarioModelServer start(int port, ScenarioAnswers answers, Consumer<String> log) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ScenarioModelServer server = new ScenarioModelServer(http, answers, log);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/v1/chat/completions", server::chat);
        http.createContext("/v1/models", server::models);
        http.createContext("/", exchange -> {
            try (exchange) {
                error(
                        exchange,
                        404,
                        "no such endpoint: " + exchange.getRequestURI().getPath()
                                + " (this server has POST /v1/chat/completions and GET /v1/models)",
                        "invalid_request_error",
                        "unknown_url");
            }
        });
        http.start();
        return server;
    }

    /** The base URL an OpenAI-compatible client is configured with, ending in {@code /v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The scenarios it can answer, by name. */
    public List<String> scenarios() {
        return answers.briefs().keySet().stream().sorted().toList();
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                error(
                        exchange,
                        405,
                        "use POST for /v1/chat/completions",
                        "invalid_request_error",
                        "method_not_allowed");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode request;
            List<ChatMessage> messages;
            try {
                request = JSON.readTree(body);
                messages = messages(request);
            } catch (JacksonException | IllegalArgumentException e) {
                String why = e instanceof JacksonException json
                        ? "the body is not JSON: " + json.getOriginalMessage()
                        : e.getMessage();
                error(exchange, 400, why, "invalid_request_error", "invalid_body");
                return;
            }
            RecognizedCall call;
            String content;
            try {
                call = recognizer.recognise(messages);
                RecognizedCall known = call;
                content = answers.answer(call)
                        .orElseThrow(() -> new UnrecognizedCall("no answer is authored for " + known.describe() + " ("
                                + ScenarioAnswers.ANSWERS + "/" + known.scenario() + "/" + known.answerFile() + ")"));
            } catch (UnrecognizedCall e) {
                log.accept(MODEL + ": refused: " + e.getMessage());
                // the reason comes first: clients cut long error bodies
                error(
                        exchange,
                        400,
                        "not recognised by " + MODEL + " (scripted, not a model): " + e.getMessage(),
                        "invalid_request_error",
                        "unrecognised_call");
                return;
            }
            CompletionWire.Answer answer = answer(body, messages, content, maxTokens(request));
            log.accept(MODEL + ": answered " + call.describe() + " ("
                    + answer.usage().promptTokens() + " prompt + "
                    + answer.usage().completionTokens() + " completion tokens"
                    + (answer.finishReason().equals("length") ? ", cut at max_tokens" : "") + ")");
            if (request.path("stream").asBoolean(false)) {
                boolean usage =
                        request.path("stream_options").path("include_usage").asBoolean(false);
                send(exchange, 200, "text/event-stream", CompletionWire.stream(answer, usage));
            } else {
                send(exchange, 200, "application/json", CompletionWire.completion(answer));
            }
        }
    }

    private static List<ChatMessage> messages(JsonNode request) {
        JsonNode messages = request.path("messages");
        if (!request.isObject() || !messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("the body must be a JSON object with a non-empty messages array");
        }
        List<ChatMessage> list = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.path("role").isString() || !message.path("content").isString()) {
                throw new IllegalArgumentException("every message needs a string role and a string content");
            }
            list.add(new ChatMessage(
                    message.path("role").stringValue(), message.path("content").stringValue()));
        }
        return list;
    }

    private static int maxTokens(JsonNode request) {
        // newer clients send max_completion_tokens, older ones (and our router) max_tokens
        JsonNode limit = request.has("max_completion_tokens")
                ? request.path("max_completion_tokens")
                : request.path("max_tokens");
        return limit.asInt(0);
    }

    /** As a model does, an answer longer than max_tokens is cut there and says so ("length"). */
    private static CompletionWire.Answer answer(
            String body, List<ChatMessage> messages, String content, int maxTokens) {
        long promptTokens = CompletionWire.Usage.promptTokens(messages);
        String text = content;
        String finish = "stop";
        if (maxTokens > 0 && CompletionWire.Usage.tokens(content) > maxTokens) {
            text = content.substring(0, maxTokens * 4);
            finish = "length";
        }
        return new CompletionWire.Answer(
                "chatcmpl-" + digest(body),
                Instant.now().getEpochSecond(),
                text,
                finish,
                new CompletionWire.Usage(promptTokens, CompletionWire.Usage.tokens(text)));
    }

    private void models(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                error(exchange, 405, "use GET for /v1/models", "invalid_request_error", "method_not_allowed");
                return;
            }
            send(
                    exchange,
                    200,
                    "application/json",
                    CompletionWire.models(Instant.now().getEpochSecond()));
        }
    }

    private static void error(HttpExchange exchange, int status, String message, String type, String code)
            throws IOException {
        send(exchange, status, "application/json", CompletionWire.error(message, type, code));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The same request always gets the same id. */
    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** {@code --port N} (default: a free port); prints the base URL and the scenarios, then serves until killed. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        if (args.length == 2
                && args[0].equals("--port")
                && args[1].matches("[0-9]{1,5}")
                && Integer.parseInt(args[1]) <= 65535) {
            port = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            System.err.println(
                    "ScenarioModelServer: unexpected arguments " + String.join(" ", args) + " (" + USAGE + ")");
            System.exit(2);
        }
        ScenarioModelServer server = start(port, System.out::println);
        System.out.println(
                MODEL + ": a scripted stand-in for a model, NOT a model; answers the personas' calls of the scenarios "
                        + server.scenarios() + " from authored files");
        System.out.println(server.baseUrl());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
