package dev.aios.agent.messaging.runtime;

import dev.aios.agent.Role;
import dev.aios.agent.heartbeat.RedisHeartbeatStore;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.RabbitMqDialect;
import dev.aios.agent.messaging.RedisInboxStore;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.sample.EchoAgent;
import dev.aios.agent.testkit.ScriptedLlmClient;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A backend agent in its own JVM, wired without Spring, for the crash test. In mode {@code hang} its scripted model
 * never answers, so the process is mid-task (TaskStarted published, no ack) when the test kills it.
 * Args: rabbitHost rabbitPort vhost redisHost redisPort redisPrefix agentId mode
 */
public final class CrashableAgentMain {
    public static void main(String[] args) throws Exception {
        String mode = args[7];
        ScriptedLlmClient llm = new ScriptedLlmClient().thenAnswer(request -> {
            if (mode.equals("hang")) {
                System.out.println("HANGING " + request.metadata().taskId());
                System.out.flush();
                sleepForever();
            }
            return "# done by " + args[6];
        });
        LettuceConnectionFactory redisFactory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(args[3], Integer.parseInt(args[4])));
        redisFactory.afterPropertiesSet();
        redisFactory.start();
        StringRedisTemplate redis = new StringRedisTemplate(redisFactory);
        MessagingSettings settings = MessagingSettings.defaults();
        AmqpConnections connections =
                new AmqpConnections(args[0], Integer.parseInt(args[1]), "guest", "guest", args[2], args[6]);
        RabbitEnvelopePublisher publisher =
                new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
        AgentRuntime runtime = new AgentRuntime(
                new EchoAgent(Role.BACKEND, llm),
                publisher,
                new RedisInboxStore(redis, args[5], Duration.ofHours(1)),
                new RedisHeartbeatStore(redis, args[5]),
                new AgentRuntime.Settings(
                        args[6],
                        settings.confirmTimeout(),
                        Duration.ofSeconds(3),
                        dev.aios.agent.changeset.ChangesetValidator.withDefaults()));
        runtime.start(
                new BrokerTopology(connections.consumer(), new RabbitMqDialect(), settings),
                new ReliableConsumers(connections.consumer(), publisher, new RabbitMqDialect(), settings),
                1,
                1);
        System.out.println("READY " + args[6]);
        System.out.flush();
        sleepForever();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
