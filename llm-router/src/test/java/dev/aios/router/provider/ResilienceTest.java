package dev.aios.router.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.fake.FakeProviderServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decorators in production order against a real local server speaking the OpenAI wire format. */
class ResilienceTest {
    private final FakeProviderServer primary = FakeProviderServer.openAi();
    private final FakeProviderServer secondary = FakeProviderServer.anthropic();

    @AfterEach
    void stop() {
        primary.close();
        secondary.close();
    }

    private ChatProvider resilientPrimary(Duration timeout) {
        return Fixtures.resilient(
                new OpenAiChatProvider(Fixtures.endpoint("gpt", "openai", primary.baseUrl(), timeout), Fixtures.HTTP),
                "gpt-openai",
                timeout,
                Fixtures.fast());
    }

    @Nested
    class Retrying {
        @Test
        void waitsWhatRetryAfterAsksThenSucceeds() {
            // given
            primary.then(FakeProviderServer.error(429, Map.of("Retry-After", "1")))
                    .then(FakeProviderServer.ok("ok", 1, 1));
            ChatProvider provider = resilientPrimary(Duration.ofSeconds(5));

            // when
            long started = System.nanoTime();
            ProviderReply reply = provider.chat(Fixtures.request("hi"), TokenSink.NONE);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // then
            assertThat(reply.content()).isEqualTo("ok");
            assertThat(primary.calls()).isEqualTo(2);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }

        @Test
        void givesUpAtOnceAndPassesOnARetryAfterLongerThanItMayWait() {
            // given: the provider asks for an hour, far over the router's limit on waiting
            primary.then(FakeProviderServer.error(429, Map.of("Retry-After", "3600")))
                    .then(FakeProviderServer.ok("ok", 1, 1));

            // then: no shortened wait and retry; the caller learns the provider's own wait
            assertThatThrownBy(
                            () -> resilientPrimary(Duration.ofSeconds(5)).chat(Fixtures.request("hi"), TokenSink.NONE))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    });
            assertThat(primary.calls()).isEqualTo(1);
        }

        @Test
        void retriesA500UpToTheAttemptLimitThenGivesUp() {
            primary.always(FakeProviderServer.error(500));

            assertThatThrownBy(
                            () -> resilientPrimary(Duration.ofSeconds(5)).chat(Fixtures.request("hi"), TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROVIDER_UNAVAILABLE));
            assertThat(primary.calls()).isEqualTo(3);
        }

        @Test
        void neverRetriesA401() {
            primary.always(FakeProviderServer.error(401));

            assertThatThrownBy(
                            () -> resilientPrimary(Duration.ofSeconds(5)).chat(Fixtures.request("hi"), TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
            assertThat(primary.calls()).isEqualTo(1);
        }

        @Test
        void retriesAMalformedBody() {
            primary.then(FakeProviderServer.raw(200, "not json at all")).then(FakeProviderServer.ok("fine", 1, 1));

            ProviderReply reply = resilientPrimary(Duration.ofSeconds(5)).chat(Fixtures.request("hi"), TokenSink.NONE);

            assertThat(reply.content()).isEqualTo("fine");
            assertThat(primary.calls()).isEqualTo(2);
        }

        @Test
        void retriesATimeoutWithinTheAttemptLimit() {
            primary.then(FakeProviderServer.slow(Duration.ofSeconds(1))).then(FakeProviderServer.ok("quick", 1, 1));

            ProviderReply reply = resilientPrimary(Duration.ofMillis(300)).chat(Fixtures.request("hi"), TokenSink.NONE);

            assertThat(reply.content()).isEqualTo("quick");
            assertThat(primary.calls()).isEqualTo(2);
        }

        @Test
        void boundsAServerThatSendsHeadersAndThenStallsTheBody() {
            // given: headers at once, the body only after 5 s (the HTTP client's request timeout ends at the headers)
            primary.then(FakeProviderServer.stallAfterHeaders(Duration.ofSeconds(5)))
                    .then(FakeProviderServer.stallAfterHeaders(Duration.ofSeconds(5)))
                    .then(FakeProviderServer.stallAfterHeaders(Duration.ofSeconds(5)));
            long start = System.nanoTime();

            // then: every attempt ends at the tier timeout
            assertThatThrownBy(
                            () -> resilientPrimary(Duration.ofMillis(300)).chat(Fixtures.request("hi"), TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }

        @Test
        void boundsAStreamThatSendsHeadersAndThenStalls() {
            primary.then(FakeProviderServer.stallAfterHeaders(Duration.ofSeconds(5)))
                    .then(FakeProviderServer.stallAfterHeaders(Duration.ofSeconds(5)))
                    .then(FakeProviderServer.stallAfterHeaders(Duration.ofSeconds(5)));
            long start = System.nanoTime();

            assertThatThrownBy(() ->
                            resilientPrimary(Duration.ofMillis(300)).chat(Fixtures.streaming("hi"), TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }

        @Test
        void leavesNoInterruptBehindWhenTheAnswerBeatsTheTimeout() {
            primary.then(FakeProviderServer.ok("quick", 1, 1));

            ProviderReply reply = resilientPrimary(Duration.ofMillis(300)).chat(Fixtures.request("hi"), TokenSink.NONE);

            assertThat(reply.content()).isEqualTo("quick");
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }

        @Test
        void backoffGrowsExponentiallyWithinJitterAndCap() {
            var interval = RetryingChatProvider.interval(Fixtures.fast());
            var failure = io.github.resilience4j.core.functions.Either.<Throwable, ProviderReply>left(
                    ProviderErrors.fromStatus("fake", 500, java.util.Optional.empty(), ""));

            assertThat(interval.apply(1, failure)).isBetween(8L, 12L);
            assertThat(interval.apply(2, failure)).isBetween(16L, 24L);
            assertThat(interval.apply(10, failure)).isBetween(40L, 60L);
        }
    }

    @Nested
    class BreakingAndFallingBack {
        @Test
        void opensTheBreakerAfterRepeatedFailuresSoTheProviderIsNoLongerCalled() {
            // given: window 4, min 4 calls, 50 % threshold; each chat makes 3 attempts
            primary.always(FakeProviderServer.error(503));
            ChatProvider provider = resilientPrimary(Duration.ofSeconds(5));
            assertThatThrownBy(() -> provider.chat(Fixtures.request("1"), TokenSink.NONE))
                    .isInstanceOf(ProviderException.class);
            assertThatThrownBy(() -> provider.chat(Fixtures.request("2"), TokenSink.NONE))
                    .isInstanceOf(ProviderException.class);
            int callsWhenOpen = primary.calls();

            // when
            assertThatThrownBy(() -> provider.chat(Fixtures.request("3"), TokenSink.NONE))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        // then
                        assertThat(e.breakerOpen()).isTrue();
                        assertThat(e.kind()).isEqualTo(Kind.PROVIDER_UNAVAILABLE);
                    });
            assertThat(callsWhenOpen).isEqualTo(4);
            assertThat(primary.calls()).isEqualTo(callsWhenOpen);
        }

        @Test
        void fallsBackAlongTheChainAndRecordsIt() {
            // given
            primary.always(FakeProviderServer.error(500));
            secondary.then(FakeProviderServer.ok("from claude", 3, 2));
            ChatProvider claude = new AnthropicChatProvider(
                    Fixtures.endpoint("claude", "anthropic", secondary.baseUrl(), Duration.ofSeconds(5)),
                    Fixtures.HTTP);
            List<String> fellBackFrom = new ArrayList<>();
            FallbackChatProvider chain = new FallbackChatProvider(
                    List.of(
                            new FallbackChatProvider.Link("gpt", resilientPrimary(Duration.ofSeconds(5))),
                            new FallbackChatProvider.Link("claude", claude)),
                    (link, e) -> fellBackFrom.add(link.tier() + ":" + e.kind()));

            // when
            ProviderReply reply = chain.chat(Fixtures.request("hi"), TokenSink.NONE);

            // then
            assertThat(reply.content()).isEqualTo("from claude");
            assertThat(reply.tier()).isEqualTo("claude");
            assertThat(reply.fallback()).isTrue();
            assertThat(fellBackFrom).containsExactly("gpt:PROVIDER_UNAVAILABLE");
        }

        @Test
        void doesNotFallBackOnANonRetriableFailure() {
            primary.always(FakeProviderServer.error(400));
            ChatProvider claude = new AnthropicChatProvider(
                    Fixtures.endpoint("claude", "anthropic", secondary.baseUrl(), Duration.ofSeconds(5)),
                    Fixtures.HTTP);
            FallbackChatProvider chain = new FallbackChatProvider(
                    List.of(
                            new FallbackChatProvider.Link("gpt", resilientPrimary(Duration.ofSeconds(5))),
                            new FallbackChatProvider.Link("claude", claude)),
                    (link, e) -> {});

            assertThatThrownBy(() -> chain.chat(Fixtures.request("hi"), TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
            assertThat(secondary.calls()).isZero();
        }

        @Test
        void failsWithTheLastFailureWhenEveryTierIsDown() {
            primary.always(FakeProviderServer.error(503));
            secondary.always(FakeProviderServer.error(529));
            ChatProvider claude = new AnthropicChatProvider(
                    Fixtures.endpoint("claude", "anthropic", secondary.baseUrl(), Duration.ofSeconds(5)),
                    Fixtures.HTTP);
            FallbackChatProvider chain = new FallbackChatProvider(
                    List.of(
                            new FallbackChatProvider.Link("gpt", resilientPrimary(Duration.ofSeconds(5))),
                            new FallbackChatProvider.Link("claude", claude)),
                    (link, e) -> {});

            assertThatThrownBy(() -> chain.chat(Fixtures.request("hi"), TokenSink.NONE))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.getMessage()).contains("529");
                        assertThat(e.getSuppressed()).hasSize(1);
                    });
        }
    }
}
