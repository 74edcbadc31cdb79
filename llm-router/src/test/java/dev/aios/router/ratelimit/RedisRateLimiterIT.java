package dev.aios.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The token-bucket arithmetic of the Lua script against the real Redis, under a key prefix of its own. */
class RedisRateLimiterIT {
    private static final AiosTestInfrastructure INFRA = AiosTestInfrastructure.get();

    private final AiosTestInfrastructure.TemporaryRedisPrefix prefix = INFRA.createRedisPrefix();
    private final LettuceConnectionFactory connections = connect();
    private final StringRedisTemplate redis = new StringRedisTemplate(connections);

    private static LettuceConnectionFactory connect() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                INFRA.redis().host(), INFRA.redis().port()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @AfterEach
    void cleanUp() {
        prefix.close();
        connections.destroy();
    }

    private RedisRateLimiter limiter(ProviderLimit limit) {
        return new RedisRateLimiter(redis, prefix.prefix(), "openai", limit, Duration.ofMillis(100));
    }

    @Test
    void aFullBucketHoldsOneMinutesTokensAndNamesTheRefillOfWhatIsMissing() {
        // given: 1000 tokens per minute
        RedisRateLimiter limiter = limiter(new ProviderLimit(0, 1_000));

        // when
        Permit first = limiter.acquire(600);
        Permit second = limiter.acquire(600);

        // then: 400 are left; 200 more take 12 s to refill
        assertThat(first).isInstanceOf(Permit.Granted.class);
        assertThat(second)
                .isInstanceOfSatisfying(
                        Permit.Denied.class,
                        d -> assertThat(d.retryAfter())
                                .isBetween(Duration.ofMillis(11_800), Duration.ofMillis(12_000)));
        assertThat(limiter.acquire(400)).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void takesBothARequestAndTheTokensOrNeither() {
        // given: 2 requests and 1000 tokens per minute
        RedisRateLimiter limiter = limiter(new ProviderLimit(2, 1_000));

        // when: the tokens refuse the second call, so its request is not taken either
        assertThat(limiter.acquire(900)).isInstanceOf(Permit.Granted.class);
        assertThat(limiter.acquire(900)).isInstanceOf(Permit.Denied.class);

        // then: one request is still there for a small call
        assertThat(limiter.acquire(50)).isInstanceOf(Permit.Granted.class);
        assertThat(limiter.acquire(1)).isInstanceOf(Permit.Denied.class);
    }

    @Test
    void aCallLargerThanAMinutesTokensWaitsForAFullBucketNotForever() {
        RedisRateLimiter limiter = limiter(new ProviderLimit(0, 1_000));

        assertThat(limiter.acquire(5_000)).isInstanceOf(Permit.Granted.class);
        assertThat(limiter.acquire(5_000))
                .isInstanceOfSatisfying(
                        Permit.Denied.class,
                        d -> assertThat(d.retryAfter()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60)));
    }

    @Test
    void waitsForARefillThatComesWithinItsBound() {
        // given: 600 tokens per minute = 10 a second, all taken, and a bound of two seconds
        RedisRateLimiter limiter = new RedisRateLimiter(
                redis, prefix.prefix(), "openai", new ProviderLimit(0, 600), Duration.ofSeconds(2));
        assertThat(limiter.acquire(600)).isInstanceOf(Permit.Granted.class);

        // when: 5 tokens refill in half a second
        Permit queued = limiter.acquire(5);

        // then
        assertThat(queued)
                .isInstanceOfSatisfying(
                        Permit.Granted.class,
                        g -> assertThat(g.waited()).isBetween(Duration.ofMillis(300), Duration.ofSeconds(2)));
    }

    @Test
    void aHoldOffStopsEveryoneUntilItEndsAndIsNeverShortened() {
        // given
        RedisRateLimiter limiter = limiter(new ProviderLimit(100, 0));
        RedisRateLimiter otherReplica = limiter(new ProviderLimit(100, 0));

        // when
        limiter.holdOff(Duration.ofSeconds(30));
        otherReplica.holdOff(Duration.ofSeconds(5));

        // then
        assertThat(otherReplica.acquire(0))
                .isInstanceOfSatisfying(
                        Permit.Denied.class,
                        d -> assertThat(d.retryAfter()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));
    }
}
