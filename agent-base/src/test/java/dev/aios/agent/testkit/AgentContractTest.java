package dev.aios.agent.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.aios.agent.heartbeat.internal.InMemoryHeartbeatStore;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.messaging.internal.InMemoryInboxStore;
import dev.aios.agent.messaging.runtime.AgentRuntime;
import dev.aios.agent.messaging.runtime.TaskEventMapper;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.template.BaseAgent;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskStarted;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract every persona passes: its template runs in-process against a {@link RecordingEnvelopePublisher} and a
 * {@link ScriptedLlmClient}. Exactly one outcome per assignment, ids propagated, model failures become TaskFailed.
 * Extend it and supply the agent, a sample task for its role, and the model replies that complete that task.
 */
public abstract class AgentContractTest {
    private static final int PLENTY = 20;

    /** The persona under test, calling the model only through {@code llm}. */
    protected abstract BaseAgent createAgent(LlmClient llm);

    /** A task for the agent's role. */
    protected abstract TaskDefinition sampleTask();

    /** Scripts the replies with which the agent completes {@link #sampleTask()}. */
    protected abstract void scriptSuccessfulReplies(ScriptedLlmClient llm);

    /**
     * For planning agents (the CTO): a plan request, and {@link #scriptSuccessfulPlan} scripts the replies that make
     * it propose a backlog. Empty (the default) skips the planning contract.
     */
    protected java.util.Optional<dev.aios.agent.task.PlanRequest> samplePlanRequest() {
        return java.util.Optional.empty();
    }

    protected void scriptSuccessfulPlan(ScriptedLlmClient llm) {}

    /** The context of the sample assignment; override to give the persona what it needs. */
    protected TaskContext sampleContext() {
        return new TaskContext(
                "contract-project",
                "A small todo web application.",
                "Spring Boot backend, static frontend.",
                List.of(),
                List.of(),
                5_000_000);
    }

    @Test
    void publishesTaskStartedAndThenExactlyOneTaskCompleted() throws Exception {
        // given
        ScriptedLlmClient llm = new ScriptedLlmClient();
        scriptSuccessfulReplies(llm);
        Harness harness = new Harness(createAgent(llm));

        // when
        harness.deliver(harness.assignment(), 1);

        // then
        List<String> lifecycle = harness.publisher.types().stream()
                .filter(t -> !t.endsWith("TaskProgress"))
                .toList();
        assertThat(lifecycle).containsExactly("aios.events.v1.TaskStarted", "aios.events.v1.TaskCompleted");
        assertThat(harness.publisher.published())
                .allSatisfy(p -> assertThat(p.destination().exchange()).isEqualTo(Destination.EVENTS_EXCHANGE));
    }

    @Test
    void propagatesIdsFromTheAssignmentToEveryEventItPublishes() throws Exception {
        // given
        ScriptedLlmClient llm = new ScriptedLlmClient();
        scriptSuccessfulReplies(llm);
        Harness harness = new Harness(createAgent(llm));
        Envelope assignment = harness.assignment();

        // when
        harness.deliver(assignment, 1);

        // then
        assertThat(harness.publisher.published()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.envelope().getCausationId()).isEqualTo(assignment.getEventId());
            assertThat(p.envelope().getCorrelationId()).isEqualTo(assignment.getCorrelationId());
        });
        TaskStarted started = harness.publisher.payloads(TaskStarted.class).getFirst();
        TaskCompleted completed =
                harness.publisher.payloads(TaskCompleted.class).getFirst();
        assertThat(List.of(started.getTaskId(), completed.getTaskId())).containsOnly(harness.taskId);
        assertThat(List.of(started.getLeaseId(), completed.getLeaseId())).containsOnly(harness.leaseId);
        assertThat(completed.getProjectId()).isEqualTo(harness.projectId);
    }

    @Test
    void aRetriableModelFailureBecomesOneRetriableTaskFailed() throws Exception {
        // given
        ScriptedLlmClient llm = new ScriptedLlmClient();
        for (int i = 0; i < PLENTY; i++) {
            llm.thenFail(LlmCallException.Kind.PROVIDER_UNAVAILABLE, "every provider is down");
        }
        Harness harness = new Harness(createAgent(llm));

        // when
        harness.deliver(harness.assignment(), 1);

        // then
        assertThat(harness.publisher.payloads(TaskCompleted.class)).isEmpty();
        assertThat(harness.publisher.payloads(TaskFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.getRetriable()).isTrue();
            assertThat(failed.getTaskId()).isEqualTo(harness.taskId);
            assertThat(failed.getReason()).isNotBlank();
        });
    }

    @Test
    void aNonRetriableModelFailureBecomesOneFinalTaskFailed() throws Exception {
        // given
        ScriptedLlmClient llm = new ScriptedLlmClient();
        for (int i = 0; i < PLENTY; i++) {
            llm.thenFail(LlmCallException.Kind.UNAUTHORIZED, "bad key");
        }
        Harness harness = new Harness(createAgent(llm));

        // when
        harness.deliver(harness.assignment(), 1);

        // then
        assertThat(harness.publisher.payloads(TaskFailed.class))
                .singleElement()
                .satisfies(failed -> assertThat(failed.getRetriable()).isFalse());
    }

    @Test
    void aRedeliveredAssignmentThatWasAlreadyDonePublishesNothingMore() throws Exception {
        // given
        ScriptedLlmClient llm = new ScriptedLlmClient();
        scriptSuccessfulReplies(llm);
        scriptSuccessfulReplies(llm);
        Harness harness = new Harness(createAgent(llm));
        Envelope assignment = harness.assignment();
        harness.deliver(assignment, 1);
        int publishedBefore = harness.publisher.published().size();

        // when
        harness.deliver(assignment, 2);

        // then
        assertThat(harness.publisher.published()).hasSize(publishedBefore);
        assertThat(harness.publisher.payloads(TaskCompleted.class)).hasSize(1);
    }

    @Test
    void aPlanRequestBecomesExactlyOneBacklogProposedCausedByIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(samplePlanRequest().isPresent(), "not a planning agent");
        // given
        ScriptedLlmClient llm = new ScriptedLlmClient();
        scriptSuccessfulPlan(llm);
        Harness harness = new Harness(createAgent(llm));
        Envelope plan = harness.planProject(samplePlanRequest().orElseThrow());

        // when
        harness.deliver(plan, 1);

        // then
        assertThat(harness.publisher.payloads(dev.aios.events.v1.BacklogProposed.class))
                .singleElement()
                .satisfies(proposed -> assertThat(proposed.getProjectId())
                        .isEqualTo(samplePlanRequest().orElseThrow().projectId()));
        assertThat(harness.publisher.published())
                .singleElement()
                .satisfies(p -> assertThat(p.envelope().getCausationId()).isEqualTo(plan.getEventId()));
    }

    @Test
    void aPlanWhoseModelFailsBecomesOneTaskFailedForThePlan() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(samplePlanRequest().isPresent(), "not a planning agent");
        // given
        ScriptedLlmClient llm = new ScriptedLlmClient();
        for (int i = 0; i < PLENTY; i++) {
            llm.thenFail(LlmCallException.Kind.TIMEOUT, "slow provider");
        }
        Harness harness = new Harness(createAgent(llm));

        // when
        harness.deliver(harness.planProject(samplePlanRequest().orElseThrow()), 1);

        // then
        assertThat(harness.publisher.payloads(TaskFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.getTaskId()).isEqualTo("plan");
            assertThat(failed.getRetriable()).isTrue();
        });
        assertThat(harness.publisher.payloads(dev.aios.events.v1.BacklogProposed.class))
                .isEmpty();
    }

    /** The agent's template wired to in-memory fakes. */
    protected final class Harness {
        final RecordingEnvelopePublisher publisher = new RecordingEnvelopePublisher();
        final AgentRuntime runtime;
        final BaseAgent agent;
        final String projectId = UUID.randomUUID().toString();
        final String taskId = sampleTask().taskId();
        final String leaseId = "lease-" + UUID.randomUUID();

        Harness(BaseAgent agent) {
            this.agent = agent;
            this.runtime = new AgentRuntime(
                    agent,
                    publisher,
                    new InMemoryInboxStore(),
                    new InMemoryHeartbeatStore(),
                    AgentRuntime.Settings.defaults("contract-" + agent.role().routingKey()));
        }

        Envelope assignment() {
            TaskAssignment assignment =
                    new TaskAssignment(projectId, taskId, 1, 1, sampleTask(), sampleContext(), leaseId);
            return Envelopes.wrap(
                    TaskEventMapper.toProto(assignment),
                    EnvelopeMetadata.of("orchestrator/contract", projectId).withStream("project-" + projectId, 7));
        }

        Envelope planProject(dev.aios.agent.task.PlanRequest request) {
            return Envelopes.wrap(
                    dev.aios.events.v1.PlanProject.newBuilder()
                            .setProjectId(request.projectId())
                            .setName(request.projectName())
                            .setBrief(request.brief())
                            .setAttempt(request.attempt())
                            .addAllPreviousRejectionReasons(request.previousRejectionReasons())
                            .build(),
                    EnvelopeMetadata.of("orchestrator/contract", request.projectId()));
        }

        void deliver(Envelope envelope, int attempt) throws Exception {
            Message payload = Envelopes.unwrap(envelope);
            runtime.handle(new ReceivedEnvelope(
                    envelope, payload, attempt, agent.role().queueName()));
        }
    }
}
