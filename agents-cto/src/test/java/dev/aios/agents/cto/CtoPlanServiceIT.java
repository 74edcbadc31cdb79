package dev.aios.agents.cto;

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
import dev.aios.agent.persona.testing.RecordedLlm;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.TaskSpec;
import dev.aios.router.client.LlmClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** The CTO service on the real broker: PlanProject for the demo brief, answered from its recording, → BacklogProposed. */
class CtoPlanServiceIT {
    @Test
    void plansTheSampleBriefIntoABacklogProposedEvent() throws Exception {
        AiosTestInfrastructure infrastructure = AiosTestInfrastructure.get();
        AiosTestInfrastructure.Endpoint rabbit = infrastructure.rabbit();
        AiosTestInfrastructure.Endpoint redis = infrastructure.redis();
        MessagingSettings settings = MessagingSettings.defaults();
        RecordedLlm recorded = RecordedLlm.load(RecordedLlm.SAMPLE_BRIEF_CASSETTE);
        long recordedInputTokens =
                recorded.first("cto", "plan").path("inputTokens").asLong();
        String projectId = "p-" + UUID.randomUUID();

        try (var vhost = infrastructure.createVhost();
                var redisPrefix = infrastructure.createRedisPrefix();
                var connections = new AmqpConnections(
                        rabbit.host(),
                        rabbit.port(),
                        rabbit.username(),
                        rabbit.password(),
                        vhost.name(),
                        "cto-plan-it");
                var publisher = new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
                var consumers =
                        new ReliableConsumers(connections.consumer(), publisher, new RabbitMqDialect(), settings)) {
            // given
            BrokerTopology topology = new BrokerTopology(connections.consumer(), new RabbitMqDialect(), settings);
            topology.declareExchanges();
            String events =
                    topology.declareEventQueue("it.cto.events." + UUID.randomUUID(), List.of("backlog.*", "task.*"));
            List<ReceivedEnvelope> seen = new CopyOnWriteArrayList<>();
            consumers.start(new ConsumerSpec(events, 20, 1), seen::add);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CtoAgentApplication.class)
                    .initializers(context ->
                            ((GenericApplicationContext) context).registerBean(LlmClient.class, () -> recorded))
                    .run(
                            "--server.port=0",
                            "--spring.rabbitmq.host=" + rabbit.host(),
                            "--spring.rabbitmq.port=" + rabbit.port(),
                            "--spring.rabbitmq.virtual-host=" + vhost.name(),
                            "--spring.data.redis.host=" + redis.host(),
                            "--spring.data.redis.port=" + redis.port(),
                            "--aios.messaging.redis-key-prefix=" + redisPrefix.prefix())) {

                // when
                PlanProject plan = PlanProject.newBuilder()
                        .setProjectId(projectId)
                        .setName("url-shortener")
                        .setBrief(Files.readString(RecordedLlm.SAMPLE_BRIEF))
                        .setAttempt(1)
                        .build();
                publisher
                        .publish(
                                Destination.command(Role.CTO),
                                Envelopes.wrap(plan, EnvelopeMetadata.of("orchestrator/it", projectId)))
                        .get(10, TimeUnit.SECONDS);

                // then
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> seen.stream().anyMatch(m -> m.payload() instanceof BacklogProposed));
                BacklogProposed proposed = seen.stream()
                        .filter(m -> m.payload() instanceof BacklogProposed)
                        .map(m -> m.payload(BacklogProposed.class))
                        .findFirst()
                        .orElseThrow();
                assertThat(proposed.getProjectId()).isEqualTo(projectId);
                assertThat(proposed.getTasksList())
                        .extracting(TaskSpec::getTaskId)
                        .containsExactly("T1", "T2", "T3", "T4");
                assertThat(proposed.getArchitectureNotes())
                        .contains("standard library")
                        .doesNotContain("scripted", "recorded");
                assertThat(proposed.getProvenance().getRecorded()).isTrue();
                assertThat(proposed.getProvenance().getPromptVersion()).isEqualTo("cto-v1");
                assertThat(proposed.getUsage().getInputTokens()).isEqualTo(recordedInputTokens);
            }
        }
    }
}
