package dev.aios.router.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptedChatProviderTest {
    private static final String RECORDING = """
            {"scenario": "todo-app",
             "entries": [
               {"match": {"role": "backend", "taskId": "T3", "promptContains": "REST"}, "response": "backend T3 REST",
                "inputTokens": 812, "outputTokens": 640},
               {"match": {"role": "backend"}, "response": "any backend", "inputTokens": 10, "outputTokens": 20},
               {"match": {"promptContains": "plan"}, "response": "a plan"}
             ]}
            """;

    private final ScriptedChatProvider provider =
            new ScriptedChatProvider("claude", List.of(ScriptedRecordings.parse("test.json", RECORDING)));

    private static ProviderRequest ask(String role, String task, String prompt) {
        CallMetadata who = new CallMetadata("p1", task, role, "", "", 0, 0, Optional.empty(), Optional.empty());
        return new ProviderRequest(List.of(ChatMessage.user("older " + prompt), ChatMessage.assistant("x"), ChatMessage.user(prompt)),
                0, 0, false, who);
    }

    @Test
    void answersWithTheFirstEntryWhoseGivenFieldsAllMatchAndMarksItScripted() {
        ProviderReply reply = provider.chat(ask("backend", "T3", "write the REST API"), TokenSink.NONE);

        assertThat(reply).isEqualTo(new ProviderReply("backend T3 REST", "claude", "scripted", "scripted", 812, 640, false, false, true));
    }

    @Test
    void skipsAnEntryWhenOneGivenFieldDiffers() {
        assertThat(provider.chat(ask("backend", "T4", "write the REST API"), TokenSink.NONE).content()).isEqualTo("any backend");
        assertThat(provider.chat(ask("cto", "", "make a plan"), TokenSink.NONE).content()).isEqualTo("a plan");
    }

    @Test
    void matchesPromptContainsAgainstTheLastUserMessageOnly() {
        ProviderRequest request = new ProviderRequest(List.of(ChatMessage.user("plan"), ChatMessage.user("something else")),
                0, 0, false, CallMetadata.none());

        assertThatThrownBy(() -> provider.chat(request, TokenSink.NONE)).isInstanceOf(ProviderException.class);
    }

    @Test
    void refusesWithANonRetriableErrorNamingRoleAndTaskWhenNothingMatches() {
        assertThatThrownBy(() -> provider.chat(ask("qa", "T9", "run tests"), TokenSink.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("role 'qa'", "task 'T9'");
                });
    }

    @Test
    void rejectsARecordingWithoutEntries() {
        assertThatThrownBy(() -> ScriptedRecordings.parse("bad.json", "{\"scenario\": \"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json");
    }
}
