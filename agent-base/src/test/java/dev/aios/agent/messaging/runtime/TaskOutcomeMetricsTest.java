package dev.aios.agent.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.heartbeat.internal.InMemoryHeartbeatStore;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.messaging.internal.InMemoryInboxStore;
import dev.aios.agent.messaging.runtime.internal.MeteredTaskOutcomes;
import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.Usage;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.RecordingEnvelopePublisher;
import dev.aios.events.v1.Envelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskOutcomeMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsEachPublishedOutcomeByRoleAndOutcome() throws Exception {
        // given a backend agent that completes its first task and fails its second
        BaseAgent agent = new BaseAgent(Role.BACKEND) {
            private int calls;

            @Override
            protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
                return calls++ == 0
                        ? new TaskOutcome.Completed(
                                new Changeset(List.of(FileContent.text("a.py", "x = 1")), List.of()),
                                "done",
                                Usage.NONE,
                                Optional.empty())
                        : new TaskOutcome.Failed("the model gave up", false, Usage.NONE);
            }
        };
        AgentRuntime runtime = new AgentRuntime(
                agent,
                new RecordingEnvelopePublisher(),
                new InMemoryInboxStore(),
                new InMemoryHeartbeatStore(),
                AgentRuntime.Settings.defaults("backend-test"),
                new MeteredTaskOutcomes(registry));

        // when two assignments arrive
        runtime.handle(received(assignment("T1")));
        runtime.handle(received(assignment("T2")));

        // then the counter behind the dashboard's task panel saw one of each
        assertThat(registry.get("aios.agent.tasks")
                        .tags("role", "backend", "outcome", "completed")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("aios.agent.tasks")
                        .tags("role", "backend", "outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private static Envelope assignment(String taskId) {
        String projectId = UUID.randomUUID().toString();
        TaskDefinition task = new TaskDefinition(
                taskId,
                Role.BACKEND,
                "store",
                "write the store",
                List.of("it stores"),
                List.of(),
                2,
                TaskDefinition.Complexity.LOW,
                TaskDefinition.TaskKind.CODE);
        TaskContext context = new TaskContext("demo", "a brief", "notes", List.of(), List.of(), 1_000_000);
        return Envelopes.wrap(
                TaskEventMapper.toProto(new TaskAssignment(projectId, taskId, 1, 1, task, context, "lease-1")),
                EnvelopeMetadata.of("orchestrator/test", projectId));
    }

    private static ReceivedEnvelope received(Envelope envelope) {
        return new ReceivedEnvelope(envelope, Envelopes.unwrap(envelope), 1, "aios.agent.backend");
    }
}
