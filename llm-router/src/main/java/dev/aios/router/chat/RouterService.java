package dev.aios.router.chat;

import static java.util.Objects.requireNonNull;

import dev.aios.router.budget.BudgetGuard;
import dev.aios.router.budget.BudgetGuard.Admission;
import dev.aios.router.cassette.DisabledExchangeRecorder;
import dev.aios.router.cassette.ExchangeRecorder;
import dev.aios.router.cassette.ReplayChatProvider;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.policy.RoutingDecision;
import dev.aios.router.policy.RoutingPolicy;
import dev.aios.router.policy.RoutingRequest;
import dev.aios.router.policy.Tier;
import dev.aios.router.provider.FallbackChatProvider;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import dev.aios.router.provider.TokenSink;
import dev.aios.router.tier.TierSpec;
import dev.aios.router.usage.LlmCall;
import dev.aios.router.usage.UsageRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The router's core: refuses bad input before any provider sees the call, asks the policy for a tier, holds the call's
 * worst-case cost in the project's budget ledger, runs the tier's fallback chain, prices the answer, settles the ledger
 * and records the usage.
 */
public final class RouterService {
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private final RoutingPolicy policy;
    private final Map<Tier, TierSpec> tiers;
    private final Map<Tier, FallbackChatProvider> chains;
    private final UsageRecorder usage;
    private final ExchangeRecorder exchanges;
    private final BudgetGuard budget;

    public RouterService(
            RoutingPolicy policy,
            Map<Tier, TierSpec> tiers,
            Map<Tier, FallbackChatProvider> chains,
            UsageRecorder usage,
            ExchangeRecorder exchanges,
            BudgetGuard budget) {
        this.policy = requireNonNull(policy, "policy");
        this.tiers = Map.copyOf(tiers);
        this.chains = Map.copyOf(chains);
        this.usage = requireNonNull(usage, "usage recorder");
        this.exchanges = requireNonNull(exchanges, "exchange recorder");
        this.budget = requireNonNull(budget, "budget guard");
    }

    public RouterService(
            RoutingPolicy policy,
            Map<Tier, TierSpec> tiers,
            Map<Tier, FallbackChatProvider> chains,
            UsageRecorder usage,
            ExchangeRecorder exchanges) {
        this(policy, tiers, chains, usage, exchanges, BudgetGuard.local());
    }

    public RouterService(
            RoutingPolicy policy,
            Map<Tier, TierSpec> tiers,
            Map<Tier, FallbackChatProvider> chains,
            UsageRecorder usage) {
        this(policy, tiers, chains, usage, new DisabledExchangeRecorder());
    }

    public PreparedCall prepare(ChatCall call) {
        validate(call);
        RoutingDecision decision = decide(call);
        FallbackChatProvider chain = chains.get(decision.tier());
        if (chain == null) {
            String detail = tiers.values().stream().noneMatch(TierSpec::available)
                    ? "no model is configured and no recording is replayed: set ANTHROPIC_API_KEY or OPENAI_API_KEY, point"
                            + " AIOS_LOCAL_MODEL_URL at an OpenAI-compatible server, or replay a cassette"
                    : "tier " + decision.tier().id() + " and every tier in its fallback chain are unavailable: "
                            + tierStatus();
            throw new RequestRejected(Kind.PROVIDER_UNAVAILABLE, 503, "No tier available", detail);
        }
        TierSpec first = tiers.get(Tier.parse(chain.tiers().getFirst()));
        boolean scriptedOnly = chain.tiers().stream()
                .allMatch(id -> tiers.get(Tier.parse(id)).endpoint().provider().equals(ReplayChatProvider.PROVIDER));
        Admission admission = new Admission.Unmetered("replayed from a recording");
        if (!scriptedOnly) {
            // a replay refuses exactly what the recorded run refused: the recording holds those refusals too
            try {
                checkContext(call, first);
                admission = hold(call, chain);
            } catch (RequestRejected refused) {
                exchanges.failed(
                        call.messages(),
                        call.temperature(),
                        call.maxOutputTokens(),
                        call.tools(),
                        call.metadata(),
                        refused);
                throw refused;
            }
        }
        return new PreparedCall(call, decision, chain, first.endpoint().model(), scriptedOnly, admission);
    }

    /** Holds the worst case over every tier the chain may reach; without a ledger only the caller's snapshot is checked. */
    private Admission hold(ChatCall call, FallbackChatProvider chain) {
        long promptTokens = TokenEstimate.of(call.messages(), call.tools());
        TierSpec priciest = null;
        long worstCase = 0;
        for (String id : chain.tiers()) {
            TierSpec spec = tiers.get(Tier.parse(id));
            long outputTokens = call.maxOutputTokens() > 0
                    ? call.maxOutputTokens()
                    : Math.max(0, spec.contextLimit() - promptTokens);
            long cost = spec.pricing().costMicros(promptTokens, outputTokens);
            if (priciest == null || cost > worstCase) {
                priciest = spec;
                worstCase = cost;
            }
        }
        Admission admission = budget.admit(
                call.metadata(), worstCase, "on tier " + priciest.tier().id());
        switch (admission) {
            case Admission.Refused refused ->
                throw new RequestRejected(refused.kind(), refused.status(), refused.title(), refused.detail());
            case Admission.Unmetered unmetered ->
                checkBudget(call, tiers.get(Tier.parse(chain.tiers().getFirst())));
            case Admission.Metered metered -> {}
        }
        return admission;
    }

    public RoutedAnswer execute(PreparedCall prepared, TokenSink sink) {
        ChatCall call = prepared.call();
        long started = System.nanoTime();
        ProviderReply served;
        try {
            served = prepared.chain()
                    .chat(
                            new ProviderRequest(
                                    call.messages(),
                                    call.temperature(),
                                    call.maxOutputTokens(),
                                    call.stream(),
                                    call.metadata(),
                                    call.tools()),
                            sink);
        } catch (LlmCallException failed) {
            budget.release(prepared.admission());
            exchanges.failed(
                    call.messages(), call.temperature(), call.maxOutputTokens(), call.tools(), call.metadata(), failed);
            throw failed;
        } catch (RuntimeException failed) {
            budget.release(prepared.admission());
            throw failed;
        }
        // the chosen tier may have been skipped as unavailable: answered by another tier is a fallback either way; a
        // replayed answer keeps the tier it was recorded with, which is no fallback
        ProviderReply reply = served.scripted()
                        || served.tier().equals(prepared.decision().tier().id())
                ? served
                : served.asFallback();
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        // a cached answer cost nothing this time; a replayed one costs what it cost when it was recorded
        long cost = reply.cached()
                ? 0
                : reply.knownCostMicros()
                        .orElseGet(() -> tiers.get(Tier.parse(reply.tier()))
                                .pricing()
                                .costMicros(
                                        reply.tokens().inputTokens(),
                                        reply.tokens().outputTokens()));
        budget.settle(prepared.admission(), cost);
        RoutedAnswer answer =
                new RoutedAnswer(UUID.randomUUID().toString(), reply, prepared.decision(), cost, latencyMillis);
        exchanges.record(
                call.messages(),
                call.temperature(),
                call.maxOutputTokens(),
                call.tools(),
                call.metadata(),
                reply,
                cost);
        usage.record(usageOf(answer, call.metadata()));
        return answer;
    }

    public RoutedAnswer chat(ChatCall call, TokenSink sink) {
        return execute(prepare(call), sink);
    }

    public Explanation explain(ChatCall call) {
        validate(call);
        RoutingDecision decision = decide(call);
        FallbackChatProvider chain = chains.get(decision.tier());
        return new Explanation(decision, chain == null ? List.of() : chain.tiers(), tierStatus());
    }

    private void validate(ChatCall call) {
        if (call.messages().isEmpty()) {
            throw RequestRejected.invalid("Empty message list", "messages must hold at least one message");
        }
        for (ChatMessage m : call.messages()) {
            if (!ROLES.contains(m.role())) {
                throw RequestRejected.invalid(
                        "Unknown message role",
                        "message role '" + m.role() + "' is not one of system, user, assistant, tool");
            }
        }
        ToolCallRules.check(call.messages(), call.tools());
        if (call.temperature() < 0 || call.temperature() > 2) {
            throw RequestRejected.invalid(
                    "Temperature out of range", "temperature must be between 0 and 2, was " + call.temperature());
        }
        if (call.maxOutputTokens() < 0) {
            throw RequestRejected.invalid("Negative max_tokens", "max_tokens must not be negative");
        }
    }

    private RoutingDecision decide(ChatCall call) {
        Optional<Tier> override;
        try {
            override = call.metadata().tierOverride().filter(t -> !t.isBlank()).map(Tier::parse);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("Unknown tier", e.getMessage());
        }
        String prompt = call.messages().stream().map(ChatMessage::content).collect(Collectors.joining("\n"));
        return policy.decide(new RoutingRequest(
                call.metadata().role(),
                call.metadata().taskKind(),
                call.metadata().complexityHint(),
                call.metadata().estimatePoints(),
                prompt,
                call.messages().size(),
                call.maxOutputTokens(),
                call.metadata().filesInvolved(),
                override,
                call.metadata().budgetRemainingMicros()));
    }

    private void checkContext(ChatCall call, TierSpec tier) {
        long needed = TokenEstimate.of(call.messages(), call.tools()) + call.maxOutputTokens();
        if (needed > tier.contextLimit()) {
            throw RequestRejected.invalid(
                    "Over the context limit",
                    "the request needs about " + needed + " tokens (prompt estimate + max_tokens) but tier "
                            + tier.tier().id() + " holds " + tier.contextLimit());
        }
    }

    private void checkBudget(ChatCall call, TierSpec tier) {
        Optional<Long> remaining = call.metadata().budgetRemainingMicros();
        if (remaining.isEmpty()) {
            return;
        }
        long worstCase =
                tier.pricing().costMicros(TokenEstimate.of(call.messages(), call.tools()), call.maxOutputTokens());
        if (remaining.get() <= 0 || worstCase > remaining.get()) {
            throw new RequestRejected(
                    Kind.BUDGET_EXHAUSTED,
                    402,
                    "Budget exhausted",
                    "project '" + call.metadata().projectId() + "' has " + remaining.get()
                            + " micro-dollars left; this call may cost up to " + worstCase + " on tier "
                            + tier.tier().id());
        }
    }

    private static LlmCall usageOf(RoutedAnswer answer, CallMetadata metadata) {
        ProviderReply reply = answer.reply();
        // a replayed answer keeps the tier it was recorded with; what the policy scores today is shown as such
        String reason = reply.scripted()
                ? "replayed from a recording (answered by tier " + reply.tier() + " then); the router today: "
                        + answer.decision().reason()
                : answer.decision().reason();
        return new LlmCall(
                answer.callId(),
                metadata.projectId(),
                metadata.taskId(),
                metadata.role(),
                reply.tier(),
                answer.decision().tier().id(),
                reply.provider(),
                reply.model(),
                reply.tokens(),
                answer.costMicros(),
                answer.latencyMillis(),
                reply.cached(),
                reply.fallback(),
                reply.scripted(),
                answer.decision().overridden(),
                answer.decision().score(),
                reason);
    }

    private Map<String, String> tierStatus() {
        Map<String, String> status = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            TierSpec spec = tiers.get(tier);
            status.put(
                    tier.id(),
                    spec.available()
                            ? spec.endpoint().provider() + " " + spec.endpoint().model() + " (" + spec.why() + ")"
                            : "unavailable: " + spec.why());
        }
        return status;
    }
}
