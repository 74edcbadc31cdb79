package dev.aios.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.provider.ProviderErrors;
import dev.aios.router.provider.ProviderException;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import dev.aios.router.provider.TokenSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitedChatProviderTest {
    private final RecordingLimiter limiter = new RecordingLimiter();
    private final List<ProviderRequest> sent = new ArrayList<>();

    private static ProviderRequest request() {
        // 40 characters = 10 tokens + 4 of framing, and up to 100 out
        return new ProviderRequest(List.of(ChatMessage.user("x".repeat(40))), 0, 100, false, CallMetadata.none());
    }

    @Test
    void takesTheCallsEstimatedTokensBeforeSendingIt() {
        // given
        limiter.next = new Permit.Granted(Duration.ZERO);
        RateLimitedChatProvider provider = new RateLimitedChatProvider(
                (r, s) -> {
                    sent.add(r);
                    return new ProviderReply("ok", "gpt", "openai", "m", new TokenUsage(1, 1), false, false, false);
                },
                limiter,
                "openai");

        // when
        provider.chat(request(), TokenSink.NONE);

        // then
        assertThat(limiter.asked).containsExactly(114L);
        assertThat(sent).hasSize(1);
    }

    @Test
    void refusesUnsentWithTheRefillTimeWhenNoPermitComesInTime() {
        // given
        limiter.next = new Permit.Denied(Duration.ofMillis(2_500));
        RateLimitedChatProvider provider = new RateLimitedChatProvider(
                (r, s) -> {
                    sent.add(r);
                    throw new AssertionError("must not be sent");
                },
                limiter,
                "openai");

        // then: rate limited, not retried on this tier (another tier may answer), with the wait for the caller
        assertThatThrownBy(() -> provider.chat(request(), TokenSink.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.breakerOpen()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofMillis(2_500));
                });
        assertThat(sent).isEmpty();
    }

    @Test
    void holdsEveryReplicaOffAProviderThatAskedToWait() {
        // given
        limiter.next = new Permit.Granted(Duration.ZERO);
        ProviderException asked = ProviderErrors.fromStatus("openai", 429, Optional.of("30"), "slow down");
        RateLimitedChatProvider provider = new RateLimitedChatProvider(
                (r, s) -> {
                    throw asked;
                },
                limiter,
                "openai");

        // then
        assertThatThrownBy(() -> provider.chat(request(), TokenSink.NONE)).isSameAs(asked);
        assertThat(limiter.heldOff).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void doesNotHoldOffForAFailureWithoutRetryAfter() {
        limiter.next = new Permit.Granted(Duration.ZERO);
        RateLimitedChatProvider provider = new RateLimitedChatProvider(
                (r, s) -> {
                    throw ProviderErrors.fromStatus("openai", 500, Optional.empty(), "oops");
                },
                limiter,
                "openai");

        assertThatThrownBy(() -> provider.chat(request(), TokenSink.NONE)).isInstanceOf(ProviderException.class);
        assertThat(limiter.heldOff).isEmpty();
    }

    private static final class RecordingLimiter implements RateLimiter {
        Permit next = new Permit.Granted(Duration.ZERO);
        final List<Long> asked = new ArrayList<>();
        final List<Duration> heldOff = new ArrayList<>();

        @Override
        public Permit acquire(long tokens) {
            asked.add(tokens);
            return next;
        }

        @Override
        public void holdOff(Duration wait) {
            heldOff.add(wait);
        }
    }
}
