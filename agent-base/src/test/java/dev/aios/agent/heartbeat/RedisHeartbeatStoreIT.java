package dev.aios.agent.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisHeartbeatStoreIT {
    private final AiosTestInfrastructure.TemporaryRedisPrefix keys =
            AiosTestInfrastructure.get().createRedisPrefix();
    private final LettuceConnectionFactory connections = new LettuceConnectionFactory(
            new RedisStandaloneConfiguration(keys.redis().host(), keys.redis().port()));
    private final StringRedisTemplate redis;
    private final RedisHeartbeatStore store;

    RedisHeartbeatStoreIT() {
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        store = new RedisHeartbeatStore(redis, keys.prefix());
    }

    @AfterEach
    void cleanUp() {
        keys.close();
        connections.destroy();
    }

    @Test
    void whatIsBeatIsListedByRoleThenIdWithItsLoadAndTimeUntilRemoved() {
        // given two agents beating, one with the time its heartbeat event carried
        Instant sent = Instant.parse("2026-11-21T10:00:00Z");
        store.beat(new AgentPresence(Role.QA, "qa-1", 0), Duration.ofSeconds(30));
        store.beat(new AgentPresence(Role.BACKEND, "backend-2", 3), Duration.ofSeconds(30), sent);

        // when listed, then both are there, in order, with their load and the time they carried
        assertThat(store.live())
                .extracting(RedisHeartbeatStore.Heartbeat::presence)
                .containsExactly(
                        new AgentPresence(Role.BACKEND, "backend-2", 3), new AgentPresence(Role.QA, "qa-1", 0));
        assertThat(store.live().getFirst().at()).isEqualTo(sent);

        // and a removed agent is gone
        store.remove(new AgentPresence(Role.QA, "qa-1", 0));
        assertThat(store.live()).extracting(h -> h.presence().agentId()).containsExactly("backend-2");
    }

    @Test
    void keysInTheNamespaceThatAreNotHeartbeatsAreNotListed() {
        // given an agent's inbox key and a key with an unknown role beside a real heartbeat
        redis.opsForValue().set(keys.prefix() + "aios:agents:inbox:agent-backend:e1", "1");
        redis.opsForValue().set(keys.prefix() + "aios:agents:janitor:j-1", "inFlight=1;at=2026-11-21T10:00:00Z");
        store.beat(new AgentPresence(Role.CTO, "cto-1", 1), Duration.ofSeconds(30));

        // then only the heartbeat is listed
        assertThat(store.live()).extracting(h -> h.presence().agentId()).containsExactly("cto-1");
    }
}
