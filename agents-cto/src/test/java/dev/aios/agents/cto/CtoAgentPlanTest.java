package dev.aios.agents.cto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.ScriptedLlm;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.router.client.LlmCallException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CtoAgentPlanTest {
    private static final String BACKLOG = """
            {"architecture": "Python 3 standard library http.server; app/ holds the code.",
             "tasks": [
               {"id": "T1", "role": "backend", "title": "Shortener service", "description": "POST /shorten",
                "acceptance_criteria": ["POST /shorten returns a code"], "depends_on": [], "estimate": 3,
                "complexity": "medium", "kind": "code"},
               {"id": "T2", "role": "qa", "title": "Tests", "description": "unittest suite",
                "acceptance_criteria": ["tests pass"], "depends_on": ["T1"], "estimate": 2,
                "complexity": "low", "kind": "tests"}
             ]}""";

    private final ScriptedLlm llm = new ScriptedLlm();
    private final CtoAgent cto = new CtoAgent(llm);

    private static PlanRequest firstPlan() {
        return new PlanRequest("p-1", "shortener", "A URL shortener.", 1, List.of(), 2_000_000);
    }

    private static String backlogWithTask(String task) {
        return "{\"architecture\": \"notes\", \"tasks\": [" + task + "]}";
    }

    private static String task(String id, String role, String dependsOn) {
        return """
                {"id": "%s", "role": "%s", "title": "t", "description": "d", "acceptance_criteria": ["ok"],
                 "depends_on": [%s], "estimate": 2, "complexity": "low", "kind": "code"}""".formatted(id, role, dependsOn);
    }

    @Test
    void proposesTheArchitectureAndTheBacklogFromTheBrief() throws Exception {
        // given
        llm.answers("Here is the plan:\n```json\n" + BACKLOG + "\n```");

        // when
        PlanOutcome outcome = cto.plan(firstPlan());

        // then
        assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Proposed.class, proposed -> {
            assertThat(proposed.architectureNotes())
                    .startsWith("Python 3 standard library")
                    .doesNotContain("cto-v1");
            assertThat(proposed.provenance().promptVersion()).isEqualTo("cto-v1");
            assertThat(proposed.tasks())
                    .containsExactly(
                            new TaskDefinition(
                                    "T1",
                                    Role.BACKEND,
                                    "Shortener service",
                                    "POST /shorten",
                                    List.of("POST /shorten returns a code"),
                                    List.of(),
                                    3,
                                    Complexity.MEDIUM,
                                    TaskKind.CODE),
                            new TaskDefinition(
                                    "T2",
                                    Role.QA,
                                    "Tests",
                                    "unittest suite",
                                    List.of("tests pass"),
                                    List.of("T1"),
                                    2,
                                    Complexity.LOW,
                                    TaskKind.TESTS));
            assertThat(proposed.usage().llmCalls()).isEqualTo(1);
        });
        assertThat(llm.lastRequest().metadata().taskId()).isEqualTo("plan");
        assertThat(llm.lastRequest().metadata().role()).isEqualTo("cto");
        assertThat(llm.lastRequest().metadata().budgetLimitMicros())
                .as("the planning calls are held against the budget too")
                .contains(2_000_000L);
        assertThat(llm.lastPrompt()).contains("A URL shortener.");
    }

    @Test
    void replanQuotesEveryRejectionReasonToTheModel() throws Exception {
        // given
        llm.answers(BACKLOG);
        PlanRequest replan = new PlanRequest(
                "p-1",
                "shortener",
                "A URL shortener.",
                2,
                List.of("dependency cycle T1 -> T2 -> T1", "no devops task"));

        // when
        PlanOutcome outcome = cto.plan(replan);

        // then
        assertThat(outcome).isInstanceOf(PlanOutcome.Proposed.class);
        assertThat(llm.lastPrompt()).contains("was rejected", "dependency cycle T1 -> T2 -> T1", "no devops task");
    }

    @Test
    void aFirstPlanMentionsNoRejection() throws Exception {
        llm.answers(BACKLOG);

        cto.plan(firstPlan());

        assertThat(llm.lastPrompt()).doesNotContain("was rejected");
    }

    @Nested
    class SchemaViolations {
        private PlanOutcome planWithTwiceTheSameAnswer(String answer) throws Exception {
            llm.answers(answer).answers(answer);
            return cto.plan(firstPlan());
        }

        private void assertFailsWith(PlanOutcome outcome, String... fragments) {
            assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Failed.class, failed -> {
                assertThat(failed.retriable()).isFalse();
                assertThat(failed.reason()).contains(fragments);
            });
            assertThat(llm.requests()).hasSize(2);
        }

        @Test
        void anUnknownRoleIsRejected() throws Exception {
            assertFailsWith(
                    planWithTwiceTheSameAnswer(backlogWithTask(task("T1", "designer", ""))),
                    "tasks[0].role is 'designer'");
        }

        @Test
        void duplicateIdsAreRejected() throws Exception {
            String answer = backlogWithTask(task("T1", "backend", "") + "," + task("T1", "qa", ""));
            assertFailsWith(planWithTwiceTheSameAnswer(answer), "duplicate task id T1");
        }

        @Test
        void aDependencyOnAnUnknownTaskIsRejected() throws Exception {
            assertFailsWith(planWithTwiceTheSameAnswer(backlogWithTask(task("T1", "backend", "\"T9\""))), "T9");
        }

        @Test
        void missingFieldsAreNamed() throws Exception {
            String answer = backlogWithTask("{\"id\": \"T1\", \"role\": \"backend\", \"title\": \"t\"}");
            assertFailsWith(planWithTwiceTheSameAnswer(answer), "tasks[0].description");
        }

        @Test
        void anEstimateOutOfRangeIsRejected() throws Exception {
            String answer = backlogWithTask(task("T1", "backend", "").replace("\"estimate\": 2", "\"estimate\": 40"));
            assertFailsWith(planWithTwiceTheSameAnswer(answer), "estimate must be an integer from 1 to 13");
        }

        @Test
        void anEmptyBacklogIsRejected() throws Exception {
            assertFailsWith(
                    planWithTwiceTheSameAnswer("{\"architecture\": \"a\", \"tasks\": []}"), "at least one task");
        }

        @Test
        void aViolationIsRepairedByTheOneRepairRequest() throws Exception {
            // given
            llm.answers(backlogWithTask(task("T1", "designer", ""))).answers(BACKLOG);

            // when
            PlanOutcome outcome = cto.plan(firstPlan());

            // then
            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            PlanOutcome.Proposed.class,
                            proposed ->
                                    assertThat(proposed.provenance().repaired()).isTrue());
            assertThat(llm.lastRequest().messages().getLast().content()).contains("designer");
        }
    }

    @Nested
    class MalformedAndFailingModels {
        @Test
        void truncatedOutputIsRepairedOnce() throws Exception {
            llm.answers(BACKLOG.substring(0, 200)).answers(BACKLOG);

            assertThat(cto.plan(firstPlan())).isInstanceOf(PlanOutcome.Proposed.class);
            assertThat(llm.requests()).hasSize(2);
        }

        @Test
        void retriableModelFailureIsARetriableFailedPlan() throws Exception {
            llm.fails(LlmCallException.Kind.TIMEOUT);

            assertThat(cto.plan(firstPlan()))
                    .isInstanceOfSatisfying(
                            PlanOutcome.Failed.class,
                            failed -> assertThat(failed.retriable()).isTrue());
        }

        @Test
        void nonRetriableModelFailureIsAFinalFailedPlan() throws Exception {
            llm.fails(LlmCallException.Kind.UNAUTHORIZED);

            assertThat(cto.plan(firstPlan()))
                    .isInstanceOfSatisfying(
                            PlanOutcome.Failed.class,
                            failed -> assertThat(failed.retriable()).isFalse());
        }
    }
}
