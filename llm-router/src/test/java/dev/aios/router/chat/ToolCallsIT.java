package dev.aios.router.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.LlmRouterApplication;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.RouterToken;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import dev.aios.router.fake.FakeProviderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool-call round trip through the router over real HTTP, streamed and not, against local servers that speak the
 * real OpenAI and Anthropic wire formats: the model asks for a tool, the client sends the tool's result, the model
 * answers. Each fake checks the exact body it received; a field the router does not carry is a 400 that reaches no
 * provider.
 */
class ToolCallsIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final FakeProviderServer ANTHROPIC = FakeProviderServer.anthropic();
    static final FakeProviderServer LOCAL = FakeProviderServer.openAi();
    static ConfigurableApplicationContext router;
    /** The calling service's credential (ADR 0041): the router answers only AIOS services. */
    static final RouterToken BACKEND = RouterToken.generate();

    static final String WEATHER_TOOL = """
            {"type": "function", "function": {"name": "get_weather", "description": "Current weather of a city",
             "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}""";
    static final String SCHEMA = """
            {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}""";
    static final String ARGUMENTS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startRouter() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", 0);
        p.put("server.address", "127.0.0.1");
        p.put("aios.router.tiers.gpt.api-key", "");
        p.put("aios.router.tiers.claude.base-url", ANTHROPIC.baseUrl());
        p.put("aios.router.tiers.claude.api-key", "sk-ant-it");
        p.put("aios.router.tiers.claude.model", "claude-it");
        p.put("aios.router.tiers.local.base-url", LOCAL.baseUrl());
        p.put("aios.router.tiers.local.model", "local-it");
        p.put("aios.router.cache.enabled", false);
        p.put("aios.router.clients.agents-backend.token-sha256", BACKEND.sha256Hex());
        p.put("aios.router.resilience.max-attempts", 1);
        // these tests are about the wire, not the broker or Redis
        p.put(
                "spring.autoconfigure.exclude",
                "dev.aios.agent.messaging.MessagingAutoConfiguration,"
                        + "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration");
        router = new SpringApplicationBuilder(LlmRouterApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(p.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        router.close();
        ANTHROPIC.close();
        LOCAL.close();
    }

    @Nested
    class AnOpenAiClientAndAnAnthropicModel {
        @ParameterizedTest(name = "streamed: {0}")
        @ValueSource(booleans = {false, true})
        void roundTripATool(boolean stream) throws Exception {
            // given: the model will ask for the weather tool, then answer with its result
            ToolCall call = new ToolCall("toolu_01A09q90qw90lq917835lq9", "get_weather", ARGUMENTS);
            ANTHROPIC.then(FakeProviderServer.toolCalls("", List.of(call), 380, 60));
            ANTHROPIC.then(FakeProviderServer.ok("It is 18 degrees and sunny in Paris.", 450, 12));
            int before = ANTHROPIC.calls();

            // when: the client offers the tool
            Answer first = chat(stream, "claude", List.of(system(), user()), "\"auto\"");

            // then: the router asked Anthropic in its own words, and answers in OpenAI's
            assertThat(ANTHROPIC.calls()).isEqualTo(before + 1);
            assertThat(lastBody(ANTHROPIC)).isEqualTo(json("""
                    {"model": "claude-it", "max_tokens": 300, "system": "You are a weather assistant.",
                     "messages": [{"role": "user", "content": "What is the weather in Paris?"}],
                     "tools": [{"name": "get_weather", "description": "Current weather of a city", "input_schema": %s}],
                     "tool_choice": {"type": "auto"}, "temperature": 0.0%s}""".formatted(SCHEMA, stream ? ", \"stream\": true" : "")));
            assertThat(first.finishReason()).isEqualTo("tool_calls");
            assertThat(first.content()).isEmpty();
            assertThat(first.toolCalls()).isEqualTo(json("""
                    [{"id": "toolu_01A09q90qw90lq917835lq9", "type": "function",
                      "function": {"name": "get_weather", "arguments": %s}}]""".formatted(JSON.writeValueAsString(ARGUMENTS))));

            // when: the client runs the tool and sends its result back, with the assistant turn as the router gave it
            Answer second = chat(
                    stream,
                    "claude",
                    List.of(
                            system(),
                            user(),
                            first.assistantTurn(),
                            tool("toolu_01A09q90qw90lq917835lq9", "18 degrees, sunny")),
                    null);

            // then: Anthropic saw a tool_use block and a tool_result block
            assertThat(lastBody(ANTHROPIC))
                    .isEqualTo(json("""
                    {"model": "claude-it", "max_tokens": 300, "system": "You are a weather assistant.",
                     "messages": [
                       {"role": "user", "content": "What is the weather in Paris?"},
                       {"role": "assistant", "content": [
                         {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": %s}]},
                       {"role": "user", "content": [
                         {"type": "tool_result", "tool_use_id": "toolu_01A09q90qw90lq917835lq9", "content": "18 degrees, sunny"}]}],
                     "tools": [{"name": "get_weather", "description": "Current weather of a city", "input_schema": %s}],
                     "temperature": 0.0%s}""".formatted(ARGUMENTS, SCHEMA, stream ? ", \"stream\": true" : "")));
            assertThat(second.finishReason()).isEqualTo("stop");
            assertThat(second.content()).isEqualTo("It is 18 degrees and sunny in Paris.");
            assertThat(second.toolCalls().isEmpty()).isTrue();
        }

        @Test
        void translatesEveryToolChoice() throws Exception {
            Map<String, String> choices = Map.of(
                    "\"none\"", "{\"type\": \"none\"}",
                    "\"required\"", "{\"type\": \"any\"}",
                    "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}",
                            "{\"type\": \"tool\", \"name\": \"get_weather\"}");
            for (Map.Entry<String, String> choice : choices.entrySet()) {
                // given
                ANTHROPIC.then(FakeProviderServer.ok("ok", 1, 1));

                // when
                chat(false, "claude", List.of(user()), choice.getKey());

                // then
                assertThat(lastBody(ANTHROPIC).path("tool_choice"))
                        .as(choice.getKey())
                        .isEqualTo(json(choice.getValue()));
            }
        }
    }

    @Nested
    class AnOpenAiClientAndAnOpenAiCompatibleModel {
        @ParameterizedTest(name = "streamed: {0}")
        @ValueSource(booleans = {false, true})
        void roundTripATool(boolean stream) throws Exception {
            // given: the model says something, asks for two tools at once, then answers with their results
            ToolCall paris = new ToolCall("call_paris", "get_weather", ARGUMENTS);
            ToolCall rome = new ToolCall("call_rome", "get_weather", "{\"city\":\"Rome\"}");
            LOCAL.then(FakeProviderServer.toolCalls("Let me look.", List.of(paris, rome), 300, 40));
            LOCAL.then(FakeProviderServer.ok("Paris 18, Rome 24.", 400, 9));

            // when
            Answer first = chat(stream, "local", List.of(system(), user()), "\"required\"");

            // then: the OpenAI-compatible server received OpenAI's shapes as the client sent them
            String streaming = stream ? ", \"stream\": true, \"stream_options\": {\"include_usage\": true}" : "";
            assertThat(lastBody(LOCAL)).isEqualTo(json("""
                    {"model": "local-it",
                     "messages": [{"role": "system", "content": "You are a weather assistant."},
                                  {"role": "user", "content": "What is the weather in Paris?"}],
                     "tools": [%s], "tool_choice": "required", "temperature": 0.0, "max_tokens": 300%s}""".formatted(WEATHER_TOOL, streaming)));
            assertThat(first.finishReason()).isEqualTo("tool_calls");
            assertThat(first.content()).isEqualTo("Let me look.");
            assertThat(first.toolCalls()).isEqualTo(json("""
                    [{"id": "call_paris", "type": "function", "function": {"name": "get_weather", "arguments": %s}},
                     {"id": "call_rome", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Rome\\"}"}}]""".formatted(JSON.writeValueAsString(ARGUMENTS))));

            // when: both results go back
            Answer second = chat(
                    stream,
                    "local",
                    List.of(system(), user(), first.assistantTurn(), tool("call_paris", "18"), tool("call_rome", "24")),
                    "\"auto\"");

            // then
            JsonNode sent = lastBody(LOCAL);
            assertThat(sent.path("messages")).isEqualTo(json("""
                    [{"role": "system", "content": "You are a weather assistant."},
                     {"role": "user", "content": "What is the weather in Paris?"},
                     {"role": "assistant", "content": "Let me look.", "tool_calls": %s},
                     {"role": "tool", "content": "18", "tool_call_id": "call_paris"},
                     {"role": "tool", "content": "24", "tool_call_id": "call_rome"}]""".formatted(first.toolCalls())));
            assertThat(sent.path("tool_choice").asString()).isEqualTo("auto");
            assertThat(second.finishReason()).isEqualTo("stop");
            assertThat(second.content()).isEqualTo("Paris 18, Rome 24.");
        }

        @Test
        void joinsTextContentPartsIntoTheMessage() throws Exception {
            // given
            LOCAL.then(FakeProviderServer.ok("ok", 1, 1));
            ObjectNode parts = JSON.createObjectNode().put("role", "user");
            parts.putArray("content")
                    .add(json("{\"type\": \"text\", \"text\": \"first\"}"))
                    .add(json("{\"type\": \"text\", \"text\": \"second\"}"));

            // when
            HttpResponse<String> response = post(body(false, "local", List.of(parts), null));

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(lastBody(LOCAL).path("messages"))
                    .isEqualTo(json("[{\"role\": \"user\", \"content\": \"first\\nsecond\"}]"));
        }
    }

    @Test
    void anAgentRunsAToolLoopThroughTheRoutersOwnClient() {
        // given
        ToolCall call = new ToolCall("toolu_loop", "get_weather", ARGUMENTS);
        ANTHROPIC.then(FakeProviderServer.toolCalls("", List.of(call), 30, 8));
        ANTHROPIC.then(FakeProviderServer.ok("Sunny.", 50, 2));
        HttpLlmClient client = new HttpLlmClient(
                URI.create("http://127.0.0.1:" + router.getEnvironment().getProperty("local.server.port")),
                BACKEND,
                Duration.ofSeconds(10));
        CallMetadata claude =
                new CallMetadata("p-tools", "T1", "backend", "code", "", 1, 0, Optional.of("claude"), Optional.empty());
        Tools tools = new Tools(
                List.of(new ToolDefinition("get_weather", "Current weather of a city", SCHEMA.strip())),
                Optional.empty());
        List<ChatMessage> chat = new ArrayList<>(List.of(ChatMessage.user("What is the weather in Paris?")));

        // when: the model asks, the agent runs the tool and sends the result
        LlmResponse asked = client.chat(new LlmRequest(chat, 0.0, 300, claude, tools));
        chat.add(ChatMessage.assistant(asked.content(), asked.toolCalls()));
        chat.add(ChatMessage.tool(asked.toolCalls().getFirst().id(), "sunny"));
        LlmResponse answered = client.chat(new LlmRequest(chat, 0.0, 300, claude, tools));

        // then
        assertThat(asked.toolCalls()).containsExactly(call);
        assertThat(asked.finishReason()).isEqualTo("tool_calls");
        assertThat(answered.content()).isEqualTo("Sunny.");
        assertThat(lastBody(ANTHROPIC).path("messages").path(2)).isEqualTo(json("""
                {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_loop", "content": "sunny"}]}"""));
    }

    @Nested
    class ARequestTheRouterCannotCarryFaithfully {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "stream_options.include_usage may only be true|{\"model\": \"local\", \"stream\": true, \"stream_options\": {\"include_usage\": false}, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                    "parallel_tool_calls|{\"model\": \"claude\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"parallel_tool_calls\": false}",
                    "messages[0].name|{\"model\": \"local\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"name\": \"bob\"}]}",
                    "tools[0].function.strict|{\"model\": \"local\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\", \"strict\": true}}]}",
                    "messages[0].content[1].type 'image_url'|{\"model\": \"claude\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}, {\"type\": \"image_url\", \"image_url\": {\"url\": \"http://x/y.png\"}}]}]}",
                    "tool_call_id 'call_9' answers no tool call|{\"model\": \"local\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"tool\", \"tool_call_id\": \"call_9\", \"content\": \"42\"}]}",
                    "function.arguments must be a JSON object|{\"model\": \"claude\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\", \"function\": {\"name\": \"f\", \"arguments\": \"[1]\"}}]}]}",
                    "tool_choice names the function 'g'|{\"model\": \"claude\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\"}}], \"tool_choice\": {\"type\": \"function\", \"function\": {\"name\": \"g\"}}}"
                })
        void isRefusedWith400NamingTheFieldAndReachesNoProvider(String fieldAndBody) throws Exception {
            // given
            String named = fieldAndBody.substring(0, fieldAndBody.indexOf('|'));
            String body = fieldAndBody.substring(fieldAndBody.indexOf('|') + 1);
            int anthropicBefore = ANTHROPIC.calls();
            int localBefore = LOCAL.calls();

            // when
            HttpResponse<String> response = post(body);

            // then
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("kind").asString()).isEqualTo("INVALID_REQUEST");
            assertThat(problem.path("detail").asString()).contains(named);
            assertThat(ANTHROPIC.calls()).isEqualTo(anthropicBefore);
            assertThat(LOCAL.calls()).isEqualTo(localBefore);
        }
    }

    // --- the client side: OpenAI's wire as an SDK would speak it ---

    /** What the router answered, streamed chunks put together as an OpenAI SDK does. */
    record Answer(String content, JsonNode toolCalls, String finishReason) {
        ObjectNode assistantTurn() {
            ObjectNode m = JSON.createObjectNode().put("role", "assistant");
            if (content.isEmpty()) {
                m.putNull("content");
            } else {
                m.put("content", content);
            }
            m.set("tool_calls", toolCalls);
            return m;
        }
    }

    private Answer chat(boolean stream, String tier, List<ObjectNode> messages, String toolChoice) throws Exception {
        HttpResponse<String> response = post(body(stream, tier, messages, toolChoice));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return stream ? fromChunks(response.body()) : fromCompletion(JSON.readTree(response.body()));
    }

    private static String body(boolean stream, String tier, List<ObjectNode> messages, String toolChoice) {
        ObjectNode root = JSON.createObjectNode().put("model", tier);
        ArrayNode array = root.putArray("messages");
        messages.forEach(array::add);
        if (toolChoice != null || messages.stream().anyMatch(m -> m.has("tool_calls"))) {
            root.putArray("tools").add(json(WEATHER_TOOL));
        }
        if (toolChoice != null) {
            root.set("tool_choice", json(toolChoice));
        }
        root.put("temperature", 0.0).put("max_tokens", 300).put("stream", stream);
        if (stream) {
            // as OpenAI SDKs ask for usage; the router always sends it in the last chunk
            root.putObject("stream_options").put("include_usage", true);
        }
        return JSON.writeValueAsString(root);
    }

    private static Answer fromCompletion(JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        JsonNode calls = message.has("tool_calls") ? message.path("tool_calls") : JSON.createArrayNode();
        return new Answer(
                message.path("content").asString(""),
                calls,
                choice.path("finish_reason").asString());
    }

    /** Text deltas are appended; tool-call deltas open a call when they carry an id and extend its arguments by index. */
    private static Answer fromChunks(String sse) {
        StringBuilder content = new StringBuilder();
        List<ObjectNode> calls = new ArrayList<>();
        String finishReason = "";
        boolean done = false;
        for (String line : sse.split("\n")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).trim();
            if (data.equals("[DONE]")) {
                done = true;
                continue;
            }
            JsonNode choice = json(data).path("choices").path(0);
            JsonNode delta = choice.path("delta");
            content.append(delta.path("content").asString(""));
            for (JsonNode piece : delta.path("tool_calls")) {
                int index = piece.path("index").asInt();
                if (piece.has("id")) {
                    assertThat(index).as("a new tool call takes the next index").isEqualTo(calls.size());
                    ObjectNode call = JSON.createObjectNode()
                            .put("id", piece.path("id").asString())
                            .put("type", piece.path("type").asString());
                    call.putObject("function")
                            .put("name", piece.path("function").path("name").asString())
                            .put("arguments", "");
                    calls.add(call);
                }
                ObjectNode function = (ObjectNode) calls.get(index).path("function");
                function.put(
                        "arguments",
                        function.path("arguments").asString()
                                + piece.path("function").path("arguments").asString(""));
            }
            if (choice.path("finish_reason").isString()) {
                finishReason = choice.path("finish_reason").asString();
            }
        }
        assertThat(done).as("the stream ends with [DONE]").isTrue();
        ArrayNode toolCalls = JSON.createArrayNode();
        calls.forEach(toolCalls::add);
        return new Answer(content.toString(), toolCalls, finishReason);
    }

    private HttpResponse<String> post(String body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + router.getEnvironment().getProperty("local.server.port")
                + "/v1/chat/completions");
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + BACKEND.value())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode lastBody(FakeProviderServer fake) {
        return json(fake.received().getLast().body());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ObjectNode system() {
        return JSON.createObjectNode().put("role", "system").put("content", "You are a weather assistant.");
    }

    private static ObjectNode user() {
        return JSON.createObjectNode().put("role", "user").put("content", "What is the weather in Paris?");
    }

    private static ObjectNode tool(String id, String result) {
        return JSON.createObjectNode()
                .put("role", "tool")
                .put("tool_call_id", id)
                .put("content", result);
    }
}
