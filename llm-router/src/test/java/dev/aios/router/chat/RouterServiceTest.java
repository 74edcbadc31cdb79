package dev.aios.router.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.budget.Balance;
import dev.aios.router.budget.BudgetGuard;
import dev.aios.router.budget.InMemoryBudgetLedger;
import dev.aios.router.cassette.DisabledExchangeRecorder;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.policy.Tier;
import dev.aios.router.provider.ChatProvider;
import dev.aios.router.provider.FallbackChatProvider;
import dev.aios.router.provider.ProviderEndpoint;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import dev.aios.router.provider.TokenSink;
import dev.aios.router.tier.Pricing;
import dev.aios.router.tier.TierSpec;
import dev.aios.router.usage.LlmCall;
import dev.aios.router.usage.UsageRecorder;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RouterServiceTest {
    private final RecordingProvider gpt = new RecordingProvider("gpt");
    private final RecordingProvider claude = new RecordingProvider("claude");
    private final RecordingUsage usage = new RecordingUsage();
    private final RouterService router =
            new RouterService(new FixedTierRoutingPolicy(Tier.GPT), tiers(), chains(), usage);

    private Map<Tier, TierSpec> tiers() {
        Map<Tier, TierSpec> tiers = new EnumMap<>(Tier.class);
        tiers.put(Tier.LOCAL, spec(Tier.LOCAL, false, Pricing.FREE, 1000));
        tiers.put(Tier.GPT, spec(Tier.GPT, true, new Pricing(new BigDecimal("0.40"), new BigDecimal("1.60")), 1000));
        tiers.put(Tier.CLAUDE, spec(Tier.CLAUDE, true, new Pricing(new BigDecimal("3"), new BigDecimal("15")), 1000));
        return tiers;
    }

    private static TierSpec spec(Tier tier, boolean available, Pricing pricing, int context) {
        ProviderEndpoint endpoint = new ProviderEndpoint(
                tier.id(), "fake", "model-" + tier.id(), URI.create("http://x"), "", Duration.ofSeconds(1));
        return new TierSpec(tier, endpoint, pricing, context, available, available ? "available" : "no key");
    }

    private Map<Tier, FallbackChatProvider> chains() {
        return Map.of(
                Tier.GPT,
                        new FallbackChatProvider(
                                List.of(
                                        new FallbackChatProvider.Link("gpt", gpt),
                                        new FallbackChatProvider.Link("claude", claude)),
                                (l, e) -> {}),
                Tier.CLAUDE,
                        new FallbackChatProvider(
                                List.of(new FallbackChatProvider.Link("claude", claude)), (l, e) -> {}));
    }

    private static ChatCall call(List<ChatMessage> messages, CallMetadata metadata) {
        return new ChatCall(messages, 0, 100, false, metadata);
    }

    private static CallMetadata who(Optional<String> tier, Optional<Long> budget) {
        return new CallMetadata("proj-1", "T1", "backend", "code", "", 3, 2, tier, budget);
    }

    @Nested
    class RefusingBadInputBeforeAnyProvider {
        @Test
        void unknownTier() {
            assertRejected(
                    call(List.of(ChatMessage.user("hi")), who(Optional.of("gemini"), Optional.empty())),
                    400,
                    "unknown tier 'gemini'");
        }

        @Test
        void emptyMessageList() {
            assertRejected(call(List.of(), who(Optional.empty(), Optional.empty())), 400, "at least one message");
        }

        @Test
        void unknownMessageRole() {
            assertRejected(
                    call(List.of(new ChatMessage("function", "x")), who(Optional.empty(), Optional.empty())),
                    400,
                    "'function'");
        }

        @Test
        void overTheContextLimit() {
            String huge = "x".repeat(4000);
            assertRejected(
                    call(List.of(ChatMessage.user(huge)), who(Optional.empty(), Optional.empty())),
                    400,
                    "tier gpt holds 1000");
        }

        @Test
        void spentBudget() {
            RequestRejected e = assertRejected(
                    call(List.of(ChatMessage.user("hi")), who(Optional.empty(), Optional.of(0L))),
                    402,
                    "0 micro-dollars left");
            assertThat(e.kind()).isEqualTo(Kind.BUDGET_EXHAUSTED);
        }

        @Test
        void callThatMayCostMoreThanTheBudgetLeft() {
            // 100 max output tokens on claude at $15/M alone may cost 1500 micro-dollars
            assertRejected(
                    call(List.of(ChatMessage.user("hi")), who(Optional.of("claude"), Optional.of(1000L))),
                    402,
                    "may cost up to");
        }

        @Test
        void overrideToATierWithNoProviderAtAll() {
            RequestRejected e = assertRejected(
                    call(List.of(ChatMessage.user("hi")), who(Optional.of("local"), Optional.empty())), 503, "local");
            assertThat(e.kind()).isEqualTo(Kind.PROVIDER_UNAVAILABLE);
        }

        private RequestRejected assertRejected(ChatCall call, int status, String detail) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> router.chat(call, TokenSink.NONE));
            assertThat(thrown).isInstanceOf(RequestRejected.class).hasMessageContaining(detail);
            assertThat(((RequestRejected) thrown).status()).isEqualTo(status);
            assertThat(gpt.received).isEmpty();
            assertThat(claude.received).isEmpty();
            assertThat(usage.calls).isEmpty();
            return (RequestRejected) thrown;
        }
    }

    @Test
    void routesPricesAndRecordsTheCall() {
        // given
        gpt.reply =
                new ProviderReply("done", "gpt", "fake", "model-gpt", new TokenUsage(812, 640), false, false, false);

        // when
        RoutedAnswer answer = router.chat(
                call(List.of(ChatMessage.user("hi")), who(Optional.empty(), Optional.of(1_000_000L))), TokenSink.NONE);

        // then: 812 × 0.40 + 640 × 1.60 = 324.8 + 1024 = 1348.8 → 1349 micro-dollars
        assertThat(answer.costMicros()).isEqualTo(1349);
        assertThat(usage.calls).singleElement().satisfies(c -> {
            assertThat(c.projectId()).isEqualTo("proj-1");
            assertThat(c.taskId()).isEqualTo("T1");
            assertThat(c.tier()).isEqualTo("gpt");
            assertThat(c.requestedTier()).isEqualTo("gpt");
            assertThat(c.costMicros()).isEqualTo(1349);
            assertThat(c.tokens().inputTokens()).isEqualTo(812);
            assertThat(c.fallback()).isFalse();
        });
    }

    @Test
    void recordsAnExplicitOverride() {
        RoutedAnswer answer = router.chat(
                call(List.of(ChatMessage.user("hi")), who(Optional.of("claude"), Optional.empty())), TokenSink.NONE);

        assertThat(answer.reply().tier()).isEqualTo("claude");
        assertThat(usage.calls).singleElement().satisfies(c -> {
            assertThat(c.overridden()).isTrue();
            assertThat(c.decisionReason()).contains("override");
        });
        assertThat(gpt.received).isEmpty();
    }

    @Test
    void pricesAFallbackAtTheTierThatServedIt() {
        // given
        gpt.failure = dev.aios.router.provider.ProviderErrors.unavailable("gpt", "down", true, null);
        claude.reply = new ProviderReply(
                "from claude", "claude", "fake", "model-claude", new TokenUsage(1000, 1000), false, false, false);

        // when
        RoutedAnswer answer = router.chat(
                call(List.of(ChatMessage.user("hi")), who(Optional.empty(), Optional.empty())), TokenSink.NONE);

        // then: 1000 × 3 + 1000 × 15
        assertThat(answer.costMicros()).isEqualTo(18_000);
        assertThat(usage.calls).singleElement().satisfies(c -> {
            assertThat(c.fallback()).isTrue();
            assertThat(c.tier()).isEqualTo("claude");
            assertThat(c.requestedTier()).isEqualTo("gpt");
        });
    }

    @Test
    void chargesNothingForACachedAnswer() {
        gpt.reply = new ProviderReply("old", "gpt", "fake", "model-gpt", new TokenUsage(500, 500), true, false, false);

        RoutedAnswer answer = router.chat(
                call(List.of(ChatMessage.user("hi")), who(Optional.empty(), Optional.empty())), TokenSink.NONE);

        assertThat(answer.costMicros()).isZero();
        assertThat(usage.calls.getFirst().cached()).isTrue();
    }

    @Nested
    class HoldingTheProjectsBudget {
        private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger();
        private final RouterService metered = new RouterService(
                new FixedTierRoutingPolicy(Tier.GPT),
                tiers(),
                chains(),
                usage,
                new DisabledExchangeRecorder(),
                new BudgetGuard(ledger, true));

        private CallMetadata project(long limit) {
            return who(Optional.empty(), Optional.empty()).withBudgetLimit(limit);
        }

        @Test
        void holdsTheWorstCaseOfThePriciestTierTheChainMayReachWhileTheCallRuns() {
            // given: "hi" is about 5 prompt tokens; 100 out on claude (the gpt chain's fallback) may cost 5 × 3 + 100 ×
            // 15
            long[] heldDuringCall = new long[1];
            ChatProvider observing = (request, sink) -> {
                heldDuringCall[0] = ledger.balance("proj-1").reservedMicros();
                return new ProviderReply("ok", "gpt", "fake", "model-gpt", new TokenUsage(5, 10), false, false, false);
            };
            RouterService router = new RouterService(
                    new FixedTierRoutingPolicy(Tier.GPT),
                    tiers(),
                    Map.of(
                            Tier.GPT,
                            new FallbackChatProvider(
                                    List.of(
                                            new FallbackChatProvider.Link("gpt", observing),
                                            new FallbackChatProvider.Link("claude", claude)),
                                    (l, e) -> {})),
                    usage,
                    new DisabledExchangeRecorder(),
                    new BudgetGuard(ledger, true));

            // when
            RoutedAnswer answer = router.chat(call(List.of(ChatMessage.user("hi")), project(10_000)), TokenSink.NONE);

            // then: 1515 held while it ran; the real cost (5 × 0.40 + 10 × 1.60 = 18) charged after
            assertThat(heldDuringCall[0]).isEqualTo(1_515);
            assertThat(answer.costMicros()).isEqualTo(18);
            assertThat(ledger.balance("proj-1")).isEqualTo(new Balance(10_000, 18, 0));
        }

        @Test
        void refusesWithBudgetExhaustedWhenTheWorstCaseNoLongerFits() {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> metered.chat(call(List.of(ChatMessage.user("hi")), project(1_000)), TokenSink.NONE));

            assertThat(thrown).isInstanceOfSatisfying(RequestRejected.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.BUDGET_EXHAUSTED);
                assertThat(e.status()).isEqualTo(402);
                assertThat(e.getMessage()).contains("may cost up to 1515 on tier claude");
            });
            assertThat(gpt.received).isEmpty();
            assertThat(ledger.balance("proj-1")).isEqualTo(new Balance(1_000, 0, 0));
        }

        @Test
        void releasesTheHoldWhenEveryTierFailed() {
            gpt.failure = dev.aios.router.provider.ProviderErrors.unavailable("gpt", "down", true, null);
            claude.failure = dev.aios.router.provider.ProviderErrors.unavailable("claude", "down", true, null);

            assertThatThrownBy(
                            () -> metered.chat(call(List.of(ChatMessage.user("hi")), project(10_000)), TokenSink.NONE))
                    .isInstanceOf(LlmCallException.class);

            assertThat(ledger.balance("proj-1")).isEqualTo(new Balance(10_000, 0, 0));
        }

        @Test
        void refusesACallWithoutAProjectInDeploymentMode() {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> metered.chat(call(List.of(ChatMessage.user("hi")), CallMetadata.none()), TokenSink.NONE));

            assertThat(thrown).isInstanceOfSatisfying(RequestRejected.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.title()).isEqualTo("Project required");
            });
            assertThat(gpt.received).isEmpty();
        }
    }

    @Test
    void explainsWithoutCallingAProvider() {
        Explanation explanation =
                router.explain(call(List.of(ChatMessage.user("hi")), who(Optional.empty(), Optional.empty())));

        assertThat(explanation.decision().tier()).isEqualTo(Tier.GPT);
        assertThat(explanation.chain()).containsExactly("gpt", "claude");
        assertThat(explanation.tierStatus().get("local")).isEqualTo("unavailable: no key");
        assertThat(gpt.received).isEmpty();
    }

    @Test
    void servesTheInProcessClientContract() {
        InProcessLlmClient client = new InProcessLlmClient(router);

        LlmResponse response = client.chat(
                new LlmRequest(List.of(ChatMessage.user("hi")), 0, 50, who(Optional.empty(), Optional.empty())));

        assertThat(response.content()).isEqualTo("answer from gpt");
        assertThat(response.tier()).isEqualTo("gpt");
        assertThatThrownBy(() -> client.chat(new LlmRequest(List.of(), 0, 50, CallMetadata.none())))
                .isInstanceOfSatisfying(
                        LlmCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
    }

    static final class RecordingProvider implements ChatProvider {
        final List<ProviderRequest> received = new CopyOnWriteArrayList<>();
        final String tier;
        ProviderReply reply;
        RuntimeException failure;

        RecordingProvider(String tier) {
            this.tier = tier;
            this.reply = new ProviderReply(
                    "answer from " + tier, tier, "fake", "model-" + tier, new TokenUsage(1, 1), false, false, false);
        }

        @Override
        public ProviderReply chat(ProviderRequest request, TokenSink sink) {
            received.add(request);
            if (failure != null) {
                throw failure;
            }
            return reply;
        }
    }

    static final class RecordingUsage implements UsageRecorder {
        final List<LlmCall> calls = new CopyOnWriteArrayList<>();

        @Override
        public void record(LlmCall call) {
            calls.add(call);
        }
    }
}
