package dev.aios.router.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpLlmClientTest {
    private static final RouterToken TOKEN = new RouterToken("backend-token-0123456789abcdefghijklmnop");
    private final HttpServer server;
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<com.sun.net.httpserver.Headers> requestHeaders = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String responseBody = "";
    private volatile String retryAfterHeader = "";

    HttpLlmClientTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requestHeaders.set(exchange.getRequestHeaders());
            byte[] bytes = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            if (!retryAfterHeader.isEmpty()) {
                exchange.getResponseHeaders().set("Retry-After", retryAfterHeader);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpLlmClient client() {
        return new HttpLlmClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), TOKEN, Duration.ofSeconds(5));
    }

    private static LlmRequest request() {
        return new LlmRequest(
                List.of(ChatMessage.system("sys"), ChatMessage.user("hi")),
                0.0,
                256,
                new CallMetadata(
                        "p1", "T3", "backend", "code", "high", 5, 3, Optional.of("claude"), Optional.of(9000L)));
    }

    @Test
    void writesAnAssistantsToolCallsAndAToolResultInOpenAisShape() {
        // given
        LlmRequest request = new LlmRequest(
                List.of(
                        ChatMessage.user("weather?"),
                        ChatMessage.assistant(
                                "", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
                        ChatMessage.tool("call_1", "18")),
                0.0,
                0,
                CallMetadata.none());

        // when
        String body = HttpLlmClient.body(request);

        // then
        assertThat(body)
                .isEqualTo(
                        "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"},"
                                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                                + "{\"role\":\"tool\",\"content\":\"18\",\"tool_call_id\":\"call_1\"}],\"temperature\":0.0,\"stream\":false}");
    }

    @Test
    void offersToolsAndReadsTheToolCallsTheModelAsksFor() {
        // given
        responseBody = """
                {"id":"chatcmpl-2","object":"chat.completion","model":"claude-sonnet-4-5",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"toolu_1","type":"function","function":{"name":"read_file","arguments":"{\\"path\\":\\"a.py\\"}"}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":40,"completion_tokens":9,"total_tokens":49},
                 "aios":{"tier":"claude","provider":"anthropic","model":"claude-sonnet-4-5","cost_micros":255}}""";
        Tools tools = new Tools(
                List.of(new ToolDefinition(
                        "read_file",
                        "Reads a file",
                        "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}")),
                Optional.of(ToolChoice.of(ToolChoice.Mode.REQUIRED)));

        // when
        LlmResponse response = client().chat(
                        new LlmRequest(List.of(ChatMessage.user("open a.py")), 0.0, 0, CallMetadata.none(), tools));

        // then
        assertThat(requestBody.get())
                .contains(
                        "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"read_file\","
                                + "\"description\":\"Reads a file\",\"parameters\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}}}]",
                        "\"tool_choice\":\"required\"");
        assertThat(response.content()).isEmpty();
        assertThat(response.toolCalls()).containsExactly(new ToolCall("toolu_1", "read_file", "{\"path\":\"a.py\"}"));
        assertThat(response.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void sendsMetadataAsHeadersAndParsesTheAiosExtension() {
        // given
        responseBody = """
                {"id":"chatcmpl-1","object":"chat.completion","model":"claude-sonnet-4-5",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"done"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":812,"completion_tokens":640,"total_tokens":1452},
                 "aios":{"tier":"claude","provider":"scripted","model":"scripted","cost_micros":12036,"latency_ms":7,
                         "cached":false,"fallback":true,"scripted":true}}
                """;

        // when
        LlmResponse response = client().chat(request());

        // then
        assertThat(response)
                .isEqualTo(new LlmResponse(
                        "done",
                        "claude",
                        "scripted",
                        "scripted",
                        new TokenUsage(812, 640),
                        12036,
                        7,
                        false,
                        true,
                        true));
        assertThat(requestHeaders.get().getFirst("Authorization")).isEqualTo("Bearer " + TOKEN.value());
        assertThat(requestHeaders.get().getFirst(RouterHeaders.PROJECT_ID)).isEqualTo("p1");
        assertThat(requestHeaders.get().getFirst(RouterHeaders.TASK_ID)).isEqualTo("T3");
        assertThat(requestHeaders.get().getFirst(RouterHeaders.ROLE)).isEqualTo("backend");
        assertThat(requestHeaders.get().getFirst(RouterHeaders.ESTIMATE_POINTS)).isEqualTo("5");
        assertThat(requestHeaders.get().getFirst(RouterHeaders.TIER_OVERRIDE)).isEqualTo("claude");
        assertThat(requestHeaders.get().getFirst(RouterHeaders.BUDGET_REMAINING_MICROS))
                .isEqualTo("9000");
        assertThat(requestBody.get())
                .contains("\"model\":\"auto\"", "\"max_tokens\":256", "\"temperature\":0.0", "\"role\":\"system\"");
    }

    @ParameterizedTest(name = "{0} with kind {1} -> {2}")
    @CsvSource(textBlock = """
            402, BUDGET_EXHAUSTED,     BUDGET_EXHAUSTED
            400, INVALID_REQUEST,      INVALID_REQUEST
            502, UNAUTHORIZED,         UNAUTHORIZED
            429, RATE_LIMITED,         RATE_LIMITED
            503, '',                   PROVIDER_UNAVAILABLE
            504, '',                   TIMEOUT
            415, '',                   INVALID_REQUEST
            422, CONTENT_FILTERED,     CONTENT_FILTERED
            """)
    void mapsProblemDetailsBackToKinds(int httpStatus, String kind, LlmCallException.Kind expected) {
        // given
        status = httpStatus;
        responseBody = "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + httpStatus
                + ",\"detail\":\"why it failed\"" + (kind.isEmpty() ? "" : ",\"kind\":\"" + kind + "\"") + "}";

        // then
        assertThatThrownBy(() -> client().chat(request())).isInstanceOfSatisfying(LlmCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(e.getMessage()).isEqualTo("why it failed");
        });
    }

    @Test
    void reportsARefusedTokenAsNonRetriableAndSaysWhichSettingToFix() {
        // given a router that does not know this service's token
        status = 401;
        responseBody = """
                {"type":"https://aios.dev/problems/unauthenticated","title":"Not an AIOS service","status":401,
                 "detail":"the bearer token matches no AIOS service","kind":"UNAUTHORIZED","retriable":false}
                """;

        // then
        assertThatThrownBy(() -> client().chat(request())).isInstanceOfSatisfying(LlmCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmCallException.Kind.UNAUTHORIZED);
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage())
                    .contains(
                            "refused this service's credentials",
                            "the bearer token matches no AIOS service",
                            "AIOS_ROUTER_TOKEN")
                    .doesNotContain(TOKEN.value());
        });
    }

    @Test
    void sendsTheProjectsBudgetLimitWhenTheCallCarriesOne() {
        // given
        responseBody = "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}";
        LlmRequest request = request();
        LlmRequest limited =
                new LlmRequest(request.messages(), 0.0, 256, request.metadata().withBudgetLimit(58_000));

        // when
        client().chat(limited);

        // then
        assertThat(requestHeaders.get().getFirst(RouterHeaders.BUDGET_LIMIT_MICROS))
                .isEqualTo("58000");
    }

    @Test
    void surfacesTheRoutersRetryAfterFromTheHeader() {
        // given: the router gave up on a rate-limited provider and passes its wait on
        status = 429;
        retryAfterHeader = "42";
        responseBody =
                "{\"status\":429,\"detail\":\"rate limited\",\"kind\":\"RATE_LIMITED\",\"retryAfterSeconds\":42}";

        // then
        assertThatThrownBy(() -> client().chat(request())).isInstanceOfSatisfying(LlmCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmCallException.Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
        });
    }

    @Test
    void surfacesTheProblemsRetryAfterWhenAProxyDroppedTheHeader() {
        // given
        status = 503;
        responseBody =
                "{\"status\":503,\"detail\":\"overloaded\",\"kind\":\"PROVIDER_UNAVAILABLE\",\"retryAfterSeconds\":7}";

        // then
        assertThatThrownBy(() -> client().chat(request()))
                .isInstanceOfSatisfying(
                        LlmCallException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void reportsAnUnreachableRouterAsRetriable() {
        HttpLlmClient nowhere = new HttpLlmClient(URI.create("http://127.0.0.1:1"), TOKEN, Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.chat(request()))
                .isInstanceOfSatisfying(
                        LlmCallException.class, e -> assertThat(e.retriable()).isTrue());
    }

    @Test
    void rejectsAnAnswerWithoutContent() {
        responseBody = "{\"choices\":[]}";

        assertThatThrownBy(() -> client().chat(request()))
                .isInstanceOfSatisfying(
                        LlmCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(LlmCallException.Kind.PROVIDER_UNAVAILABLE));
    }
}
