package dev.aios.agent.persona.testing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.agent.Role;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.RabbitMqDialect;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.messaging.runtime.TaskEventMapper;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.persona.testing.ScriptedLlm;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.router.client.LlmClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The persona's Spring Boot service, end to end on the real broker in a private vhost: a TaskAssigned on
 * {@code aios.commands} comes back as a TaskCompleted on {@code aios.events}, and health and metrics answer.
 * The model is scripted (no live model exists here); the application's own LlmClient bean replaces the router's.
 */
public abstract class AgentServiceSpecification {
    protected abstract Class<?> application();

    protected abstract Role role();

    protected abstract TaskKind kind();

    @Test
    void completesAnAssignmentFromTheBrokerAndReportsHealthAndMetrics() throws Exception {
        AiosTestInfrastructure infrastructure = AiosTestInfrastructure.get();
        AiosTestInfrastructure.Endpoint rabbit = infrastructure.rabbit();
        AiosTestInfrastructure.Endpoint redis = infrastructure.redis();
        MessagingSettings settings = MessagingSettings.defaults();
        String taskId = "T-" + UUID.randomUUID();
        ScriptedLlm llm = new ScriptedLlm().answers(Assignments.changesetJson("docs/it.md", "hello"));

        try (var vhost = infrastructure.createVhost();
                var redisPrefix = infrastructure.createRedisPrefix();
                var connections = new AmqpConnections(
                        rabbit.host(),
                        rabbit.port(),
                        rabbit.username(),
                        rabbit.password(),
                        vhost.name(),
                        "persona-it");
                var publisher = new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
                var consumers =
                        new ReliableConsumers(connections.consumer(), publisher, new RabbitMqDialect(), settings)) {
            // given the service, running on the private vhost, and a queue that watches task events
            BrokerTopology topology = new BrokerTopology(connections.consumer(), new RabbitMqDialect(), settings);
            topology.declareExchanges();
            String events = topology.declareEventQueue("it.persona.events." + UUID.randomUUID(), List.of("task.*"));
            List<ReceivedEnvelope> seen = new CopyOnWriteArrayList<>();
            consumers.start(new ConsumerSpec(events, 20, 1), seen::add);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application())
                    .initializers(
                            context -> ((GenericApplicationContext) context).registerBean(LlmClient.class, () -> llm))
                    .run(
                            "--server.port=0",
                            "--spring.rabbitmq.host=" + rabbit.host(),
                            "--spring.rabbitmq.port=" + rabbit.port(),
                            "--spring.rabbitmq.username=" + rabbit.username(),
                            "--spring.rabbitmq.password=" + rabbit.password(),
                            "--spring.rabbitmq.virtual-host=" + vhost.name(),
                            "--spring.data.redis.host=" + redis.host(),
                            "--spring.data.redis.port=" + redis.port(),
                            "--aios.messaging.redis-key-prefix=" + redisPrefix.prefix())) {

                // when the orchestrator assigns a task to the role
                TaskAssignment assignment = Assignments.task(role(), taskId, kind());
                publisher
                        .publish(
                                Destination.command(role()),
                                Envelopes.wrap(
                                        TaskEventMapper.toProto(assignment),
                                        EnvelopeMetadata.of("orchestrator/it", assignment.projectId())))
                        .get(10, TimeUnit.SECONDS);

                // then exactly the model's changeset comes back as TaskCompleted
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> completions(seen, taskId).size() == 1);
                TaskCompleted completed = completions(seen, taskId).getFirst();
                assertThat(completed.getChangeset().getWritesList())
                        .singleElement()
                        .satisfies(write -> assertThat(write.getPath()).isEqualTo("docs/it.md"));
                assertThat(completed.getSummary()).doesNotContain("[prompt");
                assertThat(completed.getProvenance().getPromptVersion()).startsWith(role().routingKey());
                assertThat(llm.lastRequest().metadata().taskId()).isEqualTo(taskId);

                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                assertThat(get(port, "/actuator/health/readiness")).contains("\"UP\"");
                assertThat(get(port, "/actuator/health/liveness")).contains("\"UP\"");
                assertThat(get(port, "/actuator/prometheus")).contains("jvm_memory_used_bytes");
            }
        }
    }

    private static List<TaskCompleted> completions(List<ReceivedEnvelope> seen, String taskId) {
        return seen.stream()
                .filter(m -> m.payload() instanceof TaskCompleted)
                .map(m -> m.payload(TaskCompleted.class))
                .filter(c -> c.getTaskId().equals(taskId))
                .toList();
    }

    private static String get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }
    }
}
