package dev.aios.agent.persona;

import static dev.aios.agent.persona.testing.Assignments.changesetJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.persona.testing.ScriptedLlm;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.Usage;
import dev.aios.router.client.LlmCallException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChangesetPersonaTest {
    private final ScriptedLlm llm = new ScriptedLlm();
    private final ChangesetPersona persona =
            new ChangesetPersona(Role.BACKEND, llm, Prompt.load(ChangesetPersonaTest.class, "tester", 1), 4000);
    private final TaskAssignment assignment = Assignments.task(Role.BACKEND, "T2", TaskKind.CODE);
    private final List<String> progress = new ArrayList<>();

    private TaskOutcome perform() {
        return persona.perform(assignment, (message, percent) -> progress.add(percent + ":" + message));
    }

    @Nested
    class WhenTheModelAnswersWell {
        @Test
        void completesWithTheChangesetAndItsProvenanceBesideTheSummary() {
            // given
            llm.answers(changesetJson("app/server.py", "print(1)\\n"));

            // when
            TaskOutcome outcome = perform();

            // then
            assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Completed.class, done -> {
                assertThat(done.changeset().writes()).singleElement().satisfies(file -> {
                    assertThat(file.path()).isEqualTo("app/server.py");
                    assertThat(file.text()).isEqualTo("print(1)\n");
                });
                assertThat(done.summary()).isEqualTo("wrote app/server.py");
                assertThat(done.provenance().promptVersion()).isEqualTo("tester-v1");
                assertThat(done.provenance().recorded()).isFalse();
                assertThat(done.usage()).isEqualTo(new Usage(100, 50, 7, 1));
                assertThat(done.review()).isEmpty();
            });
            assertThat(progress).isNotEmpty();
        }

        @Test
        void sendsTheTaskAndItsMetadataToTheRouter() {
            // given
            llm.answers(changesetJson("a.py", "x"));

            // when
            perform();

            // then
            var metadata = llm.lastRequest().metadata();
            assertThat(metadata.role()).isEqualTo("backend");
            assertThat(metadata.taskId()).isEqualTo("T2");
            assertThat(metadata.projectId()).isEqualTo(Assignments.PROJECT_ID);
            assertThat(metadata.taskKind()).isEqualTo("code");
            assertThat(metadata.complexityHint()).isEqualTo("medium");
            assertThat(metadata.estimatePoints()).isEqualTo(3);
            assertThat(metadata.budgetRemainingMicros()).contains(5_000_000L);
            assertThat(metadata.budgetLimitMicros()).contains(8_000_000L);
            assertThat(llm.lastRequest().messages().getFirst().content()).contains("You are a test persona");
            assertThat(llm.lastPrompt()).contains("Build the backend part", "it is tested", "URL shortener");
        }

        @Test
        void toleratesCodeFencesAndProse() {
            // given
            llm.answers("Here you go:\n```json\n" + changesetJson("a.py", "x") + "\n```\nHope this helps!");

            // when / then
            assertThat(perform()).isInstanceOf(TaskOutcome.Completed.class);
            assertThat(llm.requests()).hasSize(1);
        }
    }

    @Nested
    class WhenTheAnswerIsUnusable {
        @Test
        void repairsTruncatedOutputWithOneRequestThatQuotesTheReason() {
            // given
            String full = changesetJson("a.py", "x");
            llm.answers(full.substring(0, full.length() - 20)).answers(full);

            // when
            TaskOutcome outcome = perform();

            // then
            assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Completed.class, done -> {
                assertThat(done.provenance().repaired()).isTrue();
                assertThat(done.usage().llmCalls()).isEqualTo(2);
                assertThat(done.usage().inputTokens()).isEqualTo(200);
            });
            assertThat(llm.requests()).hasSize(2);
            assertThat(llm.lastRequest().messages().getLast().content()).contains("truncated");
            assertThat(llm.lastRequest().maxOutputTokens())
                    .as("room for the whole answer")
                    .isEqualTo(8000);
        }

        @Test
        void aRepairOfMalformedOutputKeepsTheOutputLimit() {
            llm.answers("{\"summary\": \"s\",, }").answers(changesetJson("a.py", "x"));

            assertThat(perform()).isInstanceOf(TaskOutcome.Completed.class);
            assertThat(llm.lastRequest().maxOutputTokens()).isEqualTo(4000);
        }

        @Test
        void failsWithTheReasonWhenTheRepairIsStillInvalid() {
            // given
            llm.answers("I think you should use Flask.").answers("{\"summary\": \"no files\"}");

            // when
            TaskOutcome outcome = perform();

            // then only one repair was asked for
            assertThat(llm.requests()).hasSize(2);
            assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Failed.class, failed -> {
                assertThat(failed.retriable()).isFalse();
                assertThat(failed.reason()).contains("still invalid", "writes no files");
                assertThat(failed.usage().llmCalls()).isEqualTo(2);
            });
        }

        @Test
        void rejectsAFileWithoutContent() {
            // given
            String bad = "{\"summary\": \"s\", \"files\": [{\"path\": \"a.py\"}]}";
            llm.answers(bad).answers(bad);

            // when / then
            assertThat(perform())
                    .isInstanceOfSatisfying(
                            TaskOutcome.Failed.class,
                            failed -> assertThat(failed.reason()).contains("files[0].content"));
        }
    }

    @Nested
    class WhenTheModelCallFails {
        @Test
        void aRetriableFailureBecomesARetriableFailedOutcome() {
            llm.fails(LlmCallException.Kind.RATE_LIMITED);

            assertThat(perform()).isInstanceOfSatisfying(TaskOutcome.Failed.class, failed -> {
                assertThat(failed.retriable()).isTrue();
                assertThat(failed.reason()).contains("RATE_LIMITED");
            });
        }

        @Test
        void aNonRetriableFailureBecomesAFinalFailedOutcome() {
            llm.fails(LlmCallException.Kind.CONTENT_FILTERED);

            assertThat(perform())
                    .isInstanceOfSatisfying(
                            TaskOutcome.Failed.class,
                            failed -> assertThat(failed.retriable()).isFalse());
        }

        @Test
        void aBudgetRefusalSaysSoSoTheOrchestratorPausesTheProject() {
            llm.fails(LlmCallException.Kind.BUDGET_EXHAUSTED);

            assertThat(perform()).isInstanceOfSatisfying(TaskOutcome.Failed.class, failed -> {
                assertThat(failed.budgetExhausted()).isTrue();
                assertThat(failed.fatalToProject()).isFalse();
            });
        }

        @Test
        void aFailureDuringTheRepairKeepsTheUsageOfTheFirstCall() {
            llm.answers("not json").fails(LlmCallException.Kind.TIMEOUT);

            assertThat(perform()).isInstanceOfSatisfying(TaskOutcome.Failed.class, failed -> {
                assertThat(failed.retriable()).isTrue();
                assertThat(failed.usage().llmCalls()).isEqualTo(1);
            });
        }
    }

    @Test
    void aMissingPromptResourceFailsFast() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Prompt.load(ChangesetPersonaTest.class, "nobody", 1))
                .hasMessageContaining("prompts/nobody-v1.md");
    }
}
