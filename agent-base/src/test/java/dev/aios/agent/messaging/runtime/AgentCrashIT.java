package dev.aios.agent.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.agent.Role;
import dev.aios.agent.messaging.BrokerFixture;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskStarted;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** An agent JVM killed with SIGKILL mid-task: the task is redelivered and completed exactly once by another. */
class AgentCrashIT {
    private final AiosTestInfrastructure infrastructure = AiosTestInfrastructure.get();
    private final BrokerFixture broker = new BrokerFixture(MessagingSettings.defaults());
    private final AiosTestInfrastructure.TemporaryRedisPrefix redisPrefix = infrastructure.createRedisPrefix();
    private final List<Process> agents = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        agents.forEach(Process::destroyForcibly);
        broker.close();
        redisPrefix.close();
    }

    @Test
    void aTaskWhoseAgentIsKilledMidTaskIsRedeliveredAndCompletedExactlyOnce() throws Exception {
        // given: the role queue, an events queue we watch, and a first agent whose model hangs
        broker.topology.declareRoleQueue(Role.BACKEND);
        String events = broker.topology.declareEventQueue("it.crash.events." + UUID.randomUUID(), List.of("task.*"));
        List<ReceivedEnvelope> seen = new CopyOnWriteArrayList<>();
        broker.consumers.start(new ConsumerSpec(events, 50, 1), seen::add);
        Process first = startAgent("backend-first", "hang");
        awaitLine(first, "READY");

        // when: a task is assigned, the first agent starts it and is killed with SIGKILL before it finishes
        String taskId = "T-" + UUID.randomUUID();
        Envelope assigned = assign(taskId);
        awaitLine(first, "HANGING " + taskId);
        await().atMost(Duration.ofSeconds(10)).until(() -> startedBy(seen, "backend-first"));
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(first.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        Process second = startAgent("backend-second", "work");
        awaitLine(second, "READY");

        // then: the second agent got the same assignment again and completed it; exactly one TaskCompleted
        await().atMost(Duration.ofSeconds(30))
                .until(() -> completions(seen, taskId).size() == 1);
        // and nothing more: a sentinel task assigned after it reaches the same single agent (one consumer, prefetch 1)
        // behind any copy of the first, and its outcome leaves on the same channel behind any second completion (the
        // agent's model has no answer scripted for it, so that outcome is a TaskFailed)
        String sentinelId = "T-sentinel-" + UUID.randomUUID();
        assign(sentinelId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> seen.stream()
                        .anyMatch(m -> m.payload() instanceof TaskFailed f
                                && f.getTaskId().equals(sentinelId)));
        assertThat(completions(seen, taskId)).singleElement().satisfies(completed -> {
            assertThat(completed.getAgentId()).isEqualTo("backend-second");
            assertThat(completed.getLeaseId()).isEqualTo("lease-" + taskId);
        });
        assertThat(seen)
                .filteredOn(m ->
                        m.payload() instanceof TaskCompleted c && !c.getTaskId().equals(sentinelId))
                .allSatisfy(m -> assertThat(m.envelope().getCausationId()).isEqualTo(assigned.getEventId()));
        assertThat(seen)
                .filteredOn(m ->
                        m.payload() instanceof TaskStarted s && !s.getTaskId().equals(sentinelId))
                .extracting(m -> m.payload(TaskStarted.class).getAgentId())
                .containsExactly("backend-first", "backend-second");
        try (Redis redis = new Redis()) {
            assertThat(redis.template.hasKey(redisPrefix.prefix() + "aios:agents:backend:backend-second"))
                    .isTrue();
            assertThat(redis.template.getExpire(redisPrefix.prefix() + "aios:agents:backend:backend-second"))
                    .isBetween(1L, 3L);
        }
    }

    private Envelope assign(String taskId) throws Exception {
        TaskDefinition task = new TaskDefinition(
                taskId,
                Role.BACKEND,
                "Write notes",
                "notes",
                List.of(),
                List.of(),
                1,
                TaskDefinition.Complexity.LOW,
                TaskDefinition.TaskKind.DOCS);
        TaskAssignment assignment = new TaskAssignment(
                "p-crash",
                taskId,
                1,
                1,
                task,
                new TaskContext("crash", "brief", "notes", List.of(), List.of(), 0),
                "lease-" + taskId);
        Envelope envelope =
                Envelopes.wrap(TaskEventMapper.toProto(assignment), EnvelopeMetadata.of("orchestrator/it", "p-crash"));
        broker.publisher.publish(Destination.command(Role.BACKEND), envelope).get(5, TimeUnit.SECONDS);
        return envelope;
    }

    private static boolean startedBy(List<ReceivedEnvelope> seen, String agentId) {
        return seen.stream()
                .anyMatch(m ->
                        m.payload() instanceof TaskStarted s && s.getAgentId().equals(agentId));
    }

    private static List<TaskCompleted> completions(List<ReceivedEnvelope> seen, String taskId) {
        return seen.stream()
                .filter(m -> m.payload() instanceof TaskCompleted)
                .map(m -> m.payload(TaskCompleted.class))
                .filter(c -> c.getTaskId().equals(taskId))
                .toList();
    }

    private Process startAgent(String agentId, String mode) throws IOException {
        AiosTestInfrastructure.Endpoint rabbit = infrastructure.rabbit();
        AiosTestInfrastructure.Endpoint redis = infrastructure.redis();
        Process process = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashableAgentMain.class.getName(),
                        rabbit.host(),
                        Integer.toString(rabbit.port()),
                        broker.vhost.name(),
                        redis.host(),
                        Integer.toString(redis.port()),
                        redisPrefix.prefix(),
                        agentId,
                        mode)
                .redirectErrorStream(true)
                .start();
        agents.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process died: its output ends here
            }
        });
        outputs.put(process, lines);
        return process;
    }

    private final java.util.Map<Process, BlockingQueue<String>> outputs =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void awaitLine(Process process, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> lines = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = outputs.get(process).poll(1, TimeUnit.SECONDS);
            if (line != null) {
                lines.add(line);
                if (line.startsWith(prefix)) {
                    return;
                }
            }
        }
        throw new AssertionError("agent never printed '" + prefix + "'; output: " + String.join("\n", lines));
    }

    private final class Redis implements AutoCloseable {
        final LettuceConnectionFactory factory;
        final StringRedisTemplate template;

        Redis() {
            AiosTestInfrastructure.Endpoint redis = infrastructure.redis();
            factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
            factory.afterPropertiesSet();
            factory.start();
            template = new StringRedisTemplate(factory);
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }
}
