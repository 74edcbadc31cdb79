package dev.aios.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredRateLimiterTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsGrantedAndDeniedPermitsTimesTheWaitsAndCountsHoldOffs() {
        // given
        ArrayDeque<Permit> answers = new ArrayDeque<>(
                List.of(new Permit.Granted(Duration.ofMillis(40)), new Permit.Denied(Duration.ofSeconds(3))));
        Duration[] heldOff = new Duration[1];
        MeteredRateLimiter limiter = new MeteredRateLimiter(
                new RateLimiter() {
                    @Override
                    public Permit acquire(long tokens) {
                        return answers.poll();
                    }

                    @Override
                    public void holdOff(Duration wait) {
                        heldOff[0] = wait;
                    }
                },
                registry,
                "openai");

        // when
        limiter.acquire(10);
        limiter.acquire(10);
        limiter.holdOff(Duration.ofSeconds(30));

        // then
        assertThat(registry.counter("aios.router.ratelimit.permits", "provider", "openai", "outcome", "granted")
                        .count())
                .isEqualTo(1);
        assertThat(registry.counter("aios.router.ratelimit.permits", "provider", "openai", "outcome", "denied")
                        .count())
                .isEqualTo(1);
        assertThat(registry.timer("aios.router.ratelimit.wait", "provider", "openai")
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(40);
        assertThat(registry.counter("aios.router.ratelimit.hold_offs", "provider", "openai")
                        .count())
                .isEqualTo(1);
        assertThat(heldOff[0]).isEqualTo(Duration.ofSeconds(30));
    }
}
