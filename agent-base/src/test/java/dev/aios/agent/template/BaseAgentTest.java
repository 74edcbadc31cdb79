package dev.aios.agent.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.Usage;
import dev.aios.router.client.LlmCallException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseAgentTest {
    private static final TaskAssignment ASSIGNMENT = new TaskAssignment(
            "p-1",
            "T-1",
            1,
            1,
            new TaskDefinition(
                    "T-1",
                    Role.BACKEND,
                    "t",
                    "d",
                    List.of(),
                    List.of(),
                    1,
                    TaskDefinition.Complexity.LOW,
                    TaskDefinition.TaskKind.CODE),
            new TaskContext("p", "b", "a", List.of(), List.of(), 0),
            "lease-1");

    @Test
    void anUnsafeChangesetBecomesANonRetriableFailureWithTheReason() {
        BaseAgent agent = agentReturning(new TaskOutcome.Completed(
                new Changeset(List.of(FileContent.text("../../etc/cron.d/x", "* * * * * evil")), List.of()),
                "done",
                new Usage(1, 2, 3, 1),
                Optional.empty()));

        TaskOutcome outcome = agent.execute(ASSIGNMENT, (m, p) -> {}, ChangesetValidator.withDefaults());

        assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Failed.class, failed -> {
            assertThat(failed.retriable()).isFalse();
            assertThat(failed.reason()).contains("changeset rejected").contains("'..'");
            assertThat(failed.usage()).isEqualTo(new Usage(1, 2, 3, 1));
        });
    }

    @Test
    void aRetriableModelErrorDeepInTheCauseChainIsRetriable() {
        BaseAgent agent = agentThrowing(
                new IllegalStateException("wrapped", new LlmCallException(LlmCallException.Kind.RATE_LIMITED, "429")));

        assertThat(agent.execute(ASSIGNMENT, (m, p) -> {}))
                .isInstanceOfSatisfying(
                        TaskOutcome.Failed.class, f -> assertThat(f.retriable()).isTrue());
    }

    @Test
    void aBudgetRefusalIsMarkedSoTheProjectPausesInsteadOfAbandoningTheTask() {
        BaseAgent agent = agentThrowing(new LlmCallException(LlmCallException.Kind.BUDGET_EXHAUSTED, "402"));

        assertThat(agent.execute(ASSIGNMENT, (m, p) -> {})).isInstanceOfSatisfying(TaskOutcome.Failed.class, f -> {
            assertThat(f.budgetExhausted()).isTrue();
            assertThat(f.retriable()).isFalse();
        });
    }

    @Test
    void anyOtherExceptionIsAFinalFailureNotACrash() {
        BaseAgent agent = agentThrowing(new IllegalArgumentException("model answered nonsense"));

        assertThat(agent.execute(ASSIGNMENT, (m, p) -> {})).isInstanceOfSatisfying(TaskOutcome.Failed.class, f -> {
            assertThat(f.retriable()).isFalse();
            assertThat(f.reason()).contains("model answered nonsense");
        });
    }

    @Test
    void aTransientInfrastructureFailurePassesThroughSoTheDeliveryIsRetried() {
        BaseAgent agent = agentThrowing(new dev.aios.agent.TransientFailureException("progress not confirmed"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> agent.execute(ASSIGNMENT, (m, p) -> {}))
                .isInstanceOf(dev.aios.agent.TransientFailureException.class);
    }

    @Test
    void aTaskForAnotherRoleIsRefused() {
        BaseAgent frontend = new BaseAgent(Role.FRONTEND) {
            @Override
            protected TaskOutcome perform(TaskAssignment assignment, dev.aios.agent.task.ProgressReporter progress) {
                throw new AssertionError("must not run");
            }
        };

        assertThat(frontend.execute(ASSIGNMENT, (m, p) -> {})).isInstanceOf(TaskOutcome.Failed.class);
    }

    private static BaseAgent agentReturning(TaskOutcome outcome) {
        return new BaseAgent(Role.BACKEND) {
            @Override
            protected TaskOutcome perform(TaskAssignment assignment, dev.aios.agent.task.ProgressReporter progress) {
                return outcome;
            }
        };
    }

    private static BaseAgent agentThrowing(Exception e) {
        return new BaseAgent(Role.BACKEND) {
            @Override
            protected TaskOutcome perform(TaskAssignment assignment, dev.aios.agent.task.ProgressReporter progress)
                    throws Exception {
                throw e;
            }
        };
    }
}
