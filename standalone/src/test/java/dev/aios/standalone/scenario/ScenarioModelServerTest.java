package dev.aios.standalone.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.agent.Role;
import dev.aios.agent.persona.BuilderAgent;
import dev.aios.agent.persona.Prompt;
import dev.aios.agent.persona.TaskBriefing;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agents.cto.CtoAgent;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ScenarioModelServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();

    private static ScenarioModelServer server;
    private static String shortenerBrief;

    @BeforeAll
    static void startServer() throws IOException {
        server = ScenarioModelServer.start(0, LOG::add);
        shortenerBrief = ScenarioAnswers.fromClasspath().briefs().get("url-shortener");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Nested
    class RecognisesThePersonasCalls {
        @Test
        void answersTheCtosPlanCallWithTheScenariosBacklog() {
            // given the CTO, talking to the server over the router's OpenAI adapter
            CtoAgent cto = new CtoAgent(new OpenAiWireClient(server.baseUrl(), false));

            // when it plans the url-shortener brief
            PlanOutcome outcome =
                    cto.executePlan(new PlanRequest("p-1", "url-shortener", shortenerBrief, 1, List.of()));

            // then
            assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Proposed.class, plan -> {
                assertThat(plan.tasks()).extracting(TaskDefinition::taskId).containsExactly("T1", "T2", "T3", "T4");
                assertThat(plan.architectureNotes()).contains("never the request's `Host` header");
            });
            assertThat(LOG)
                    .anyMatch(line ->
                            line.startsWith("aios-scenario-server: answered scenario 'url-shortener', cto plan-1 ("));
        }

        @Test
        void answersATaskByItsIdAndTheRepairRequestWithItsOwnAnswer() {
            // given the devops persona and the url-shortener's T4, whose first authored answer breaks the schema
            BuilderAgent devops = BuilderAgent.of(Role.DEVOPS, new OpenAiWireClient(server.baseUrl(), false));

            // when
            TaskOutcome outcome =
                    devops.execute(assignment(Role.DEVOPS, "T4", shortenerBrief), (message, percent) -> {});

            // then the repair request was recognised as the repair of T4 and answered with the repaired changeset
            assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Completed.class, done -> {
                assertThat(done.provenance().repaired()).isTrue();
                assertThat(done.changeset().writes())
                        .extracting(f -> f.path())
                        .containsExactly("Makefile", "Dockerfile", ".github/workflows/ci.yml", "README.md");
            });
            assertThat(LOG).anyMatch(line -> line.contains("devops repair of T4"));
        }

        @Test
        void answersATaskThatAPersonSentBackWithItsRedo() {
            // given the feature-flags scenario's T3, whose first changeset a person rejects
            BuilderAgent devops = BuilderAgent.of(Role.DEVOPS, new OpenAiWireClient(server.baseUrl(), false));
            String brief = ScenarioAnswers.fromClasspath().briefs().get("feature-flags");
            TaskAssignment first = assignment(Role.DEVOPS, "T3", brief);
            TaskAssignment redo = new TaskAssignment(
                    "p-1",
                    "T3",
                    1,
                    2,
                    first.task(),
                    new TaskContext(
                            "feature-flags",
                            brief,
                            "## Architecture\n\nSmall.",
                            List.of(),
                            List.of(),
                            0,
                            0,
                            "Run the service as an unprivileged user."),
                    "p-1/T3/2");

            // when the first proposal and, briefed with the person's feedback, the second are asked for
            TaskOutcome proposed = devops.execute(first, (message, percent) -> {});
            TaskOutcome redone = devops.execute(redo, (message, percent) -> {});

            // then each is answered with its own changeset: the redo's Dockerfile no longer runs as root
            assertThat(dockerfile(proposed)).contains("FROM python:3\n").doesNotContain("USER");
            assertThat(dockerfile(redone)).contains("FROM python:3.12-slim", "USER 10001");
            assertThat(LOG).anyMatch(line -> line.contains("devops redo of T3"));
        }

        private static String dockerfile(TaskOutcome outcome) {
            assertThat(outcome).isInstanceOf(TaskOutcome.Completed.class);
            return new String(
                    ((TaskOutcome.Completed) outcome)
                            .changeset().writes().stream()
                                    .filter(f -> f.path().equals("Dockerfile"))
                                    .findFirst()
                                    .orElseThrow()
                                    .content(),
                    StandardCharsets.UTF_8);
        }
    }

    @Nested
    class RefusesWhatItDoesNotRecognise {
        @Test
        void aBriefOfNoScenario() {
            // given
            BuilderAgent backend = BuilderAgent.of(Role.BACKEND, new OpenAiWireClient(server.baseUrl(), false));

            // when
            TaskOutcome outcome =
                    backend.execute(assignment(Role.BACKEND, "T1", "Build a todo list app."), (m, p) -> {});

            // then the task fails with the server's reason, and nothing was answered
            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            TaskOutcome.Failed.class,
                            failed -> assertThat(failed.reason())
                                    .contains("INVALID_REQUEST")
                                    .contains("is not the brief of any scenario"));
        }

        @Test
        void aTaskTheScenarioDoesNotHave() {
            assertThatThrownBy(() -> client().chat(backendCall("T9", shortenerBrief)))
                    .isInstanceOfSatisfying(LlmCallException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LlmCallException.Kind.INVALID_REQUEST);
                        assertThat(e.getMessage())
                                .contains("no answer is authored for scenario 'url-shortener', backend T9");
                    });
        }

        @Test
        void aSystemPromptThatIntroducesNoPersona() {
            LlmRequest call = new LlmRequest(
                    List.of(
                            ChatMessage.system("You are a helpful assistant."),
                            ChatMessage.user("## Brief\n" + shortenerBrief + "\n\n## Your task T1: x\n")),
                    0.2,
                    100,
                    metadata("T1"));

            assertThatThrownBy(() -> client().chat(call))
                    .hasMessageContaining("the system prompt introduces no persona this server knows");
        }

        @Test
        void aReplanThatDoesNotSayWhyThePreviousBacklogWasRejected() {
            LlmRequest call = new LlmRequest(
                    List.of(
                            ChatMessage.system(
                                    Prompt.load(CtoAgent.class, "cto", 1).text()),
                            ChatMessage.user("# Project: x\n\n## Brief\n" + shortenerBrief
                                    + "\n\nPlan attempt 2. Answer with the JSON object only.\n")),
                    0.3,
                    6000,
                    metadata("plan"));

            assertThatThrownBy(() -> client().chat(call))
                    .hasMessageContaining("plan attempt 2 does not say why the previous backlog was rejected");
        }

        @Test
        void aBodyThatIsNotJsonWithAnOpenAiErrorObject() throws Exception {
            HttpResponse<String> response = post("{\"messages\": [");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.path("message").asString()).startsWith("the body is not JSON");
        }

        @Test
        void anUnknownPathWithA404() throws Exception {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("error").path("code").asString())
                    .isEqualTo("unknown_url");
        }
    }

    @Nested
    class SpeaksTheOpenAiWireFormat {
        @Test
        void streamingAndNonStreamingGiveTheSameAnswerAndUsage() {
            // given the same call
            LlmRequest call = backendCall("T1", shortenerBrief);

            // when asked once whole and once streamed
            LlmResponse whole = new OpenAiWireClient(server.baseUrl(), false).chat(call);
            LlmResponse streamed = new OpenAiWireClient(server.baseUrl(), true).chat(call);

            // then
            assertThat(streamed.content()).isEqualTo(whole.content()).contains("\"shortener/server.py\"");
            assertThat(streamed.tokens().inputTokens())
                    .isEqualTo(whole.tokens().inputTokens())
                    .isPositive();
            assertThat(streamed.tokens().outputTokens())
                    .isEqualTo(whole.tokens().outputTokens())
                    .isPositive();
        }

        @Test
        void usageIsAQuarterOfTheCharactersAndEveryAnswerNamesTheScriptedServer() throws Exception {
            // given
            LlmRequest call = backendCall("T1", shortenerBrief);

            // when
            JsonNode completion = JSON.readTree(post(body(call, false)).body());

            // then
            String content = completion
                    .path("choices")
                    .path(0)
                    .path("message")
                    .path("content")
                    .asString();
            long promptChars = call.messages().stream()
                    .mapToLong(m -> (m.content().length() + 3) / 4)
                    .sum();
            assertThat(completion.path("model").asString()).isEqualTo("aios-scenario-server");
            assertThat(completion.path("usage").path("prompt_tokens").asLong()).isEqualTo(promptChars);
            assertThat(completion.path("usage").path("completion_tokens").asLong())
                    .isEqualTo((content.length() + 3) / 4);
            assertThat(completion.path("choices").path(0).path("finish_reason").asString())
                    .isEqualTo("stop");
        }

        @Test
        void aStreamEndsWithTheFinishReasonTheUsageAndDone() throws Exception {
            // when
            String events = post(body(backendCall("T1", shortenerBrief), true)).body();

            // then
            List<String> data = events.lines()
                    .filter(l -> l.startsWith("data: "))
                    .map(l -> l.substring(6))
                    .toList();
            assertThat(data.getLast()).isEqualTo("[DONE]");
            JsonNode usage = JSON.readTree(data.get(data.size() - 2));
            assertThat(usage.path("usage").path("completion_tokens").asLong()).isPositive();
            assertThat(JSON.readTree(data.get(data.size() - 3))
                            .path("choices")
                            .path(0)
                            .path("finish_reason")
                            .asString())
                    .isEqualTo("stop");
            assertThat(data.subList(0, data.size() - 1))
                    .allSatisfy(chunk -> assertThat(
                                    JSON.readTree(chunk).path("model").asString())
                            .isEqualTo("aios-scenario-server"));
        }

        @Test
        void anAnswerLongerThanMaxTokensIsCutThereAsAModelWouldCutIt() throws Exception {
            // given
            LlmRequest call = backendCall("T1", shortenerBrief);
            ObjectNode request = (ObjectNode) JSON.readTree(body(call, false));
            request.put("max_tokens", 50);

            // when
            JsonNode completion =
                    JSON.readTree(post(JSON.writeValueAsString(request)).body());

            // then
            assertThat(completion.path("choices").path(0).path("finish_reason").asString())
                    .isEqualTo("length");
            assertThat(completion
                            .path("choices")
                            .path(0)
                            .path("message")
                            .path("content")
                            .asString())
                    .hasSize(200);
            assertThat(completion.path("usage").path("completion_tokens").asLong())
                    .isEqualTo(50);
        }

        @Test
        void listsItsOneModel() throws Exception {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())
                            .path("data")
                            .path(0)
                            .path("id")
                            .asString())
                    .isEqualTo("aios-scenario-server");
        }
    }

    private static OpenAiWireClient client() {
        return new OpenAiWireClient(server.baseUrl(), false);
    }

    /** The backend's call as the persona renders it, without running the persona. */
    private static LlmRequest backendCall(String taskId, String brief) {
        TaskAssignment assignment = assignment(Role.BACKEND, taskId, brief);
        return new LlmRequest(
                List.of(
                        ChatMessage.system(
                                Prompt.load(BuilderAgent.class, "backend", 1).text()),
                        ChatMessage.user(TaskBriefing.render(assignment))),
                0.2,
                8000,
                metadata(taskId));
    }

    private static TaskAssignment assignment(Role role, String taskId, String brief) {
        TaskDefinition task = new TaskDefinition(
                taskId,
                role,
                "A task",
                "Do the task.",
                List.of("it is done"),
                List.of(),
                2,
                Complexity.LOW,
                TaskKind.CODE);
        TaskContext context =
                new TaskContext("url-shortener", brief, "## Architecture\n\nSmall.", List.of(), List.of(), 0);
        return new TaskAssignment("p-1", taskId, 1, 1, task, context, "p-1/" + taskId + "/1");
    }

    private static CallMetadata metadata(String taskId) {
        return new CallMetadata("p-1", taskId, "backend", "code", "low", 2, 0, Optional.empty(), Optional.empty());
    }

    private static String body(LlmRequest call, boolean stream) {
        ObjectNode root = JSON.createObjectNode().put("model", "anything");
        var messages = root.putArray("messages");
        for (ChatMessage m : call.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        root.put("max_tokens", call.maxOutputTokens());
        if (stream) {
            root.put("stream", true).putObject("stream_options").put("include_usage", true);
        }
        return JSON.writeValueAsString(root);
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
