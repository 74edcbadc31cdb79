package dev.aios.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Lua ledger against the real Redis, under a key prefix of its own. */
class RedisBudgetLedgerIT extends BudgetLedgerContract {
    private static final AiosTestInfrastructure INFRA = AiosTestInfrastructure.get();

    private final AiosTestInfrastructure.TemporaryRedisPrefix prefix = INFRA.createRedisPrefix();
    private final LettuceConnectionFactory connections = connect();
    private final StringRedisTemplate redis = new StringRedisTemplate(connections);
    private final RedisBudgetLedger ledger = new RedisBudgetLedger(redis, prefix.prefix(), Duration.ofMinutes(5));

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

    @Override
    BudgetLedger ledger() {
        return ledger;
    }

    @Test
    void givesBackTheHoldOfARouterThatDiedBeforeSettling() throws Exception {
        // given: a router held 900 with a short time to live and never settled
        RedisBudgetLedger shortLived = new RedisBudgetLedger(redis, prefix.prefix(), Duration.ofMillis(50));
        shortLived.reserve(PROJECT, 900, Optional.of(1_000L), Optional.empty());
        assertThat(ledger.reserve(PROJECT, 200, Optional.empty(), Optional.empty()))
                .isInstanceOf(Hold.OverBudget.class);

        // when: the hold's deadline passed (the next reservation sweeps it)
        Thread.sleep(100);
        Hold hold = ledger.reserve(PROJECT, 200, Optional.empty(), Optional.empty());

        // then
        assertThat(hold).isInstanceOf(Hold.Reserved.class);
        assertThat(ledger.balance(PROJECT)).isEqualTo(new Balance(1_000, 0, 200));
    }

    @Test
    void aReaderDoesNotCountAHoldPastItsDeadline() {
        // given: a router held 900 with a short time to live and never settled
        RedisBudgetLedger shortLived = new RedisBudgetLedger(redis, prefix.prefix(), Duration.ofMillis(50));
        shortLived.reserve(PROJECT, 900, Optional.of(1_000L), Optional.empty());
        ledger.reserve(PROJECT, 50, Optional.empty(), Optional.empty());

        // when the deadline passed, with no reservation since to sweep it
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(ledger.find(PROJECT)).contains(new Balance(1_000, 0, 50)));

        // then the read changed nothing: the hold is still there for the next reservation to sweep
        assertThat(redis.opsForHash().get(ledger.key(PROJECT), "reserved")).isEqualTo("950");
    }

    @Test
    void keepsItsStateUnderTheGivenPrefixOnly() {
        ledger.reserve(PROJECT, 10, Optional.of(1_000L), Optional.empty());

        assertThat(redis.keys(prefix.prefix() + "*"))
                .containsExactlyInAnyOrder(
                        prefix.prefix() + "{" + PROJECT + "}", prefix.prefix() + "{" + PROJECT + "}:holds");
    }
}
