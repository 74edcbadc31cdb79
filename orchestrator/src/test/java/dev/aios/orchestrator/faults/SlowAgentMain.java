package dev.aios.orchestrator.faults;

import dev.aios.agent.Role;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.heartbeat.RedisHeartbeatStore;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.RabbitMqDialect;
import dev.aios.agent.messaging.RedisInboxStore;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.messaging.runtime.AgentRuntime;
import dev.aios.agent.sample.EchoAgent;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.TokenUsage;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real backend agent (agent-base runtime, inbox and heartbeats in Redis, the sample persona) in its own JVM, so
 * a test can freeze it with SIGSTOP. Its model takes {@code taskMillis} per call and never runs out of answers.
 * Args: rabbitHost rabbitPort vhost redisHost redisPort redisPrefix agentId taskMillis
 */
public final class SlowAgentMain {
    public static void main(String[] args) throws Exception {
        String agentId = args[6];
        long taskMillis = Long.parseLong(args[7]);
        var redisFactory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(args[3], Integer.parseInt(args[4])));
        redisFactory.afterPropertiesSet();
        redisFactory.start();
        var redis = new StringRedisTemplate(redisFactory);
        MessagingSettings settings = MessagingSettings.defaults();
        var connections = new AmqpConnections(args[0], Integer.parseInt(args[1]), "guest", "guest", args[2], agentId);
        var publisher = new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
        var runtime = new AgentRuntime(
                new EchoAgent(Role.BACKEND, request -> {
                    try {
                        Thread.sleep(taskMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    String content = "# done by " + agentId;
                    return new LlmResponse(
                            content, "local", "scripted", "scripted", new TokenUsage(10, 10), 0, 0, false, false, true);
                }),
                publisher,
                new RedisInboxStore(redis, args[5], Duration.ofHours(1)),
                new RedisHeartbeatStore(redis, args[5]),
                new AgentRuntime.Settings(
                        agentId, settings.confirmTimeout(), Duration.ofSeconds(3), ChangesetValidator.withDefaults()));
        runtime.start(
                new BrokerTopology(connections.consumer(), new RabbitMqDialect(), settings),
                new ReliableConsumers(connections.consumer(), publisher, new RabbitMqDialect(), settings),
                1,
                1);
        System.out.println("READY " + agentId);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
