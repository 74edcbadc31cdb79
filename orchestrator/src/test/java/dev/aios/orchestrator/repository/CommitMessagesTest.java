package dev.aios.orchestrator.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.Provenance;
import dev.aios.events.v1.TaskCompleted;
import java.time.Instant;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;

class CommitMessagesTest {
    static final TaskCompleted DONE = TaskCompleted.newBuilder()
            .setTaskId("T1")
            .setRole(AgentRole.AGENT_ROLE_BACKEND)
            .setAgentId("backend-1a2b3c4d")
            .setSummary("Added the store and the HTTP API.")
            .setProvenance(Provenance.newBuilder()
                    .setPromptVersion("backend-v1")
                    .setModel("qwen2.5-coder-32b")
                    .setTier("local")
                    .setRecorded(true)
                    .setRepaired(true))
            .build();

    @Test
    void theSubjectIsTheTaskAndProvenanceGoesIntoTrailers() {
        // when
        String message = CommitMessages.of(DONE, "Shortener store\nand HTTP API");

        // then
        assertThat(message.lines().findFirst()).contains("T1: Shortener store and HTTP API");
        assertThat(message.lines().findFirst().orElseThrow()).doesNotContain("[", "prompt", "scripted", "recorded");
        assertThat(message).endsWith("""

                Agent: AIOS Backend Agent (backend-1a2b3c4d)
                Task: T1
                Model: qwen2.5-coder-32b (local tier)
                Prompt-Version: backend-v1
                Repaired: true
                Recorded: true
                """);
        assertThat(message).contains("\n\nAdded the store and the HTTP API.\n\n");
    }

    @Test
    void aLiveAnswerCarriesNoRecordedTrailer() {
        TaskCompleted live = DONE.toBuilder()
                .setProvenance(
                        DONE.getProvenance().toBuilder().setRecorded(false).setRepaired(false))
                .build();

        assertThat(CommitMessages.of(live, "t")).doesNotContain("Recorded:", "Repaired:");
    }

    @Test
    void theAuthorIsThePersonaNotTheInstance() {
        PersonIdent author = CommitMessages.author(AgentRole.AGENT_ROLE_QA, Instant.parse("2026-12-02T10:00:00Z"));

        assertThat(author.getName()).isEqualTo("AIOS QA Agent");
        assertThat(author.getEmailAddress()).isEqualTo("qa@agents.aios.dev");
        assertThat(CommitMessages.personaName(AgentRole.AGENT_ROLE_CTO)).isEqualTo("AIOS CTO Agent");
        assertThat(CommitMessages.personaName(AgentRole.AGENT_ROLE_FRONTEND)).isEqualTo("AIOS Frontend Agent");
    }
}
