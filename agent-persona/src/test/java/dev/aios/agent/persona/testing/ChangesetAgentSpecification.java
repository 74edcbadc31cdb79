package dev.aios.agent.persona.testing;

import static dev.aios.agent.persona.testing.Assignments.changesetJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmClient;
import org.junit.jupiter.api.Test;

/**
 * Event in, event out for a builder persona: given an assignment and scripted model answers (good, fenced,
 * wrapped in prose, truncated, still invalid, failing), when the agent performs it, then exactly this outcome.
 * The builder agent, the CTO and QA extend it with their own agent.
 */
public abstract class ChangesetAgentSpecification {
    protected final ScriptedLlm llm = new ScriptedLlm();

    protected abstract Role role();

    /** Builds the module's agent on the given model and performs one assignment. */
    protected abstract TaskOutcome perform(LlmClient llm, TaskAssignment assignment) throws Exception;

    /** The id of the prompt the agent uses for this kind of task. */
    protected String promptId() {
        return role().routingKey() + "-v1";
    }

    protected TaskKind kind() {
        return TaskKind.CODE;
    }

    private TaskOutcome performTask() throws Exception {
        return perform(llm, Assignments.task(role(), "T7", kind()));
    }

    @Test
    void completesWithTheModelsChangesetAndRecordsThePromptVersion() throws Exception {
        // given
        llm.answers(changesetJson("src/thing.txt", "hello"));

        // when
        TaskOutcome outcome = performTask();

        // then
        assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Completed.class, done -> {
            assertThat(done.changeset().writes()).extracting(f -> f.path()).containsExactly("src/thing.txt");
            assertThat(done.summary()).doesNotContain("[prompt", promptId());
            assertThat(done.provenance().promptVersion()).isEqualTo(promptId());
            assertThat(done.usage().llmCalls()).isEqualTo(1);
        });
        assertThat(llm.lastRequest().metadata().role()).isEqualTo(role().routingKey());
        assertThat(llm.lastRequest().metadata().taskId()).isEqualTo("T7");
        assertThat(llm.lastRequest().metadata().promptVersion()).isEqualTo(promptId());
        assertThat(llm.lastRequest().metadata().briefDigest()).startsWith("sha256:");
    }

    @Test
    void toleratesAFencedAnswerWithProseAround() throws Exception {
        llm.answers("Here is my work.\n\n```json\n" + changesetJson("a.txt", "x") + "\n```\n\nDone.");

        assertThat(performTask()).isInstanceOf(TaskOutcome.Completed.class);
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void repairsATruncatedAnswerWithOneRequest() throws Exception {
        String full = changesetJson("a.txt", "x");
        llm.answers(full.substring(0, full.length() / 2)).answers(full);

        assertThat(performTask()).isInstanceOf(TaskOutcome.Completed.class);
        assertThat(llm.requests()).hasSize(2);
        assertThat(llm.lastRequest().messages().getLast().content()).contains("truncated");
    }

    @Test
    void failsWithTheReasonWhenTheAnswerIsStillInvalidAfterTheRepair() throws Exception {
        llm.answers("Sorry, I can't.").answers("{\"files\": []}");

        assertThat(performTask()).isInstanceOfSatisfying(TaskOutcome.Failed.class, failed -> {
            assertThat(failed.retriable()).isFalse();
            assertThat(failed.reason()).contains("summary");
        });
        assertThat(llm.requests()).hasSize(2);
    }

    @Test
    void aRetriableModelFailureIsARetriableFailedOutcome() throws Exception {
        llm.fails(LlmCallException.Kind.PROVIDER_UNAVAILABLE);

        assertThat(performTask())
                .isInstanceOfSatisfying(
                        TaskOutcome.Failed.class,
                        failed -> assertThat(failed.retriable()).isTrue());
    }

    @Test
    void aNonRetriableModelFailureIsAFinalFailedOutcome() throws Exception {
        llm.fails(LlmCallException.Kind.BUDGET_EXHAUSTED);

        assertThat(performTask())
                .isInstanceOfSatisfying(
                        TaskOutcome.Failed.class,
                        failed -> assertThat(failed.retriable()).isFalse());
    }
}
