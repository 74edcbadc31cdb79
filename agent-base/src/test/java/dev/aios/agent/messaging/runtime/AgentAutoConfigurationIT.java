package dev.aios.agent.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.agent.Role;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.DeadLetters;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.InboxStore;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.messaging.RedisInboxStore;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.sample.EchoAgent;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.events.v1.TaskCompleted;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A Spring Boot app that only defines a BaseAgent bean gets the whole runtime from the auto-configuration. */
class AgentAutoConfigurationIT {
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AgentApp {
        @Bean
        BaseAgent agent() {
            return new EchoAgent(Role.QA, ScriptedLlmClient.replying("# test plan"));
        }
    }

    @Test
    void anAppWithABaseAgentBeanConsumesItsRoleQueueHeartbeatsAndPublishesTheOutcome() throws Exception {
        AiosTestInfrastructure infrastructure = AiosTestInfrastructure.get();
        try (AiosTestInfrastructure.TemporaryVhost vhost = infrastructure.createVhost();
                AiosTestInfrastructure.TemporaryRedisPrefix redis = infrastructure.createRedisPrefix()) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AgentApp.class)
                    .web(WebApplicationType.NONE)
                    .properties(
                            "spring.rabbitmq.host=" + infrastructure.rabbit().host(),
                            "spring.rabbitmq.port=" + infrastructure.rabbit().port(),
                            "spring.rabbitmq.virtual-host=" + vhost.name(),
                            "spring.data.redis.host=" + infrastructure.redis().host(),
                            "spring.data.redis.port=" + infrastructure.redis().port(),
                            "aios.messaging.redis-key-prefix=" + redis.prefix(),
                            "aios.messaging.heartbeat-ttl=5s",
                            "aios.agent.id=qa-auto")
                    .run()) {
                // given: the beans the auto-configuration made, and an events queue we watch
                assertThat(app.getBean(InboxStore.class)).isInstanceOf(RedisInboxStore.class);
                BrokerTopology topology = app.getBean(BrokerTopology.class);
                String events = topology.declareEventQueue("it.auto.events", List.of("task.*"));
                List<ReceivedEnvelope> seen = new CopyOnWriteArrayList<>();
                app.getBean(ReliableConsumers.class).start(new ConsumerSpec(events, 10, 1), seen::add);

                // when
                String taskId = "T-" + UUID.randomUUID();
                TaskDefinition task = new TaskDefinition(
                        taskId,
                        Role.QA,
                        "Plan the tests",
                        "d",
                        List.of(),
                        List.of(),
                        1,
                        TaskDefinition.Complexity.LOW,
                        TaskDefinition.TaskKind.TESTS);
                TaskAssignment assignment = new TaskAssignment(
                        "p-auto",
                        taskId,
                        1,
                        1,
                        task,
                        new TaskContext("auto", "brief", "notes", List.of(), List.of(), 0),
                        "lease-auto");
                app.getBean(EnvelopePublisher.class)
                        .publish(
                                Destination.command(Role.QA),
                                Envelopes.wrap(
                                        TaskEventMapper.toProto(assignment), EnvelopeMetadata.of("it", "p-auto")))
                        .get(5, TimeUnit.SECONDS);

                // then
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> seen.stream().anyMatch(m -> m.payload() instanceof TaskCompleted));
                TaskCompleted completed = seen.stream()
                        .filter(m -> m.payload() instanceof TaskCompleted)
                        .findFirst()
                        .orElseThrow()
                        .payload(TaskCompleted.class);
                assertThat(completed.getTaskId()).isEqualTo(taskId);
                assertThat(completed.getAgentId()).isEqualTo("qa-auto");
                StringRedisTemplate redisTemplate = app.getBean(StringRedisTemplate.class);
                assertThat(redisTemplate.getExpire(redis.prefix() + "aios:agents:qa:qa-auto"))
                        .isBetween(1L, 5L);
                assertThat(app.getBean(DeadLetters.class).queues())
                        .extracting(q -> q.name())
                        .contains("aios.agent.qa.dlq");
            }
        }
    }
}
