package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes by a fitted complexity score: features → {@link ComplexityModel} score → tier through calibrated
 * {@link Thresholds}; then a per-role floor, a downgrade when the remaining budget is low, and an explicit
 * override that beats both. Every decision carries its features, score and a sentence naming the signals that
 * moved it most.
 */
public final class ComplexityRoutingPolicy implements RoutingPolicy {

    /** How many signals the decision's sentence names. */
    static final int REASONS = 3;
    /** Contributions smaller than this (in logit) are not worth a person's attention. */
    static final double NOTABLE = 0.01;

    private final ComplexityModel model;
    private final Settings settings;

    public ComplexityRoutingPolicy(ComplexityModel model, Settings settings) {
        this.model = requireNonNull(model, "model");
        this.settings = requireNonNull(settings, "settings");
    }

    /** The shipped model with the default settings: the CTO never below GPT, downgrade under 0.05 USD left. */
    public static ComplexityRoutingPolicy withDefaults() {
        return new ComplexityRoutingPolicy(ComplexityModel.loadDefault(), Settings.defaults());
    }

    public ComplexityModel model() {
        return model;
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        return explain(request).decision();
    }

    /** The decision with every signal's contribution, for people ({@code ./aios route}) and the explain endpoint. */
    public Explanation explain(RoutingRequest request) {
        TaskFeatures.Signals signals = TaskFeatures.signals(request);
        double[] x = signals.values();
        double score = model.score(x);
        Map<String, Double> features = new HashMap<>(x.length * 2);
        for (int i = 0; i < x.length; i++) {
            features.put(TaskFeatures.NAMES.get(i), x[i]);
        }
        List<Explanation.Signal> ranked = ranked(signals);
        Thresholds t = model.thresholds();
        Tier scored = t.tierFor(score);
        StringBuilder why = new StringBuilder(String.format(
                Locale.ROOT,
                "score %.3f (gpt from %.3f, claude from %.3f) chose %s",
                score,
                t.gpt(),
                t.claude(),
                scored.id()));
        if (!ranked.isEmpty()) {
            why.append("; signals: ");
            for (int k = 0; k < Math.min(REASONS, ranked.size()); k++) {
                Explanation.Signal s = ranked.get(k);
                why.append(k == 0 ? "" : ", ")
                        .append(s.description())
                        .append(String.format(Locale.ROOT, " %+.2f", s.contribution()));
            }
        }
        List<String> rules = new ArrayList<>();
        RoutingDecision decision = applyRules(request, score, features, scored, why.toString(), rules);
        return new Explanation(decision, scored, t, model.version(), ranked, List.copyOf(rules));
    }

    private RoutingDecision applyRules(
            RoutingRequest request,
            double score,
            Map<String, Double> features,
            Tier scored,
            String why,
            List<String> rules) {
        if (request.override().isPresent()) {
            Tier forced = request.override().get();
            rules.add("explicit override to " + forced.id() + " honoured");
            return new RoutingDecision(
                    forced, score, features, "explicit override to " + forced.id() + " honoured; " + why, true, false);
        }
        Tier floor = settings.floorFor(request.role());
        Tier tier = max(scored, floor);
        StringBuilder reason = new StringBuilder(why);
        if (tier != scored) {
            String rule = "raised to " + floor.id() + " by the floor for role '" + request.role() + "'";
            rules.add(rule);
            reason.append("; ").append(rule);
        }
        boolean downgraded = false;
        if (request.budgetRemainingMicros().isPresent()
                && request.budgetRemainingMicros().get() < settings.lowBudgetMicros()
                && tier != Tier.LOCAL) {
            long left = request.budgetRemainingMicros().get();
            String rule;
            if (tier.ordinal() > floor.ordinal()) {
                Tier lower = Tier.values()[tier.ordinal() - 1];
                rule = "downgraded from " + tier.id() + " to " + lower.id() + " because only " + left
                        + " micro-USD of budget remain (below " + settings.lowBudgetMicros() + ")";
                tier = lower;
                downgraded = true;
            } else {
                rule = "budget is low (" + left + " micro-USD) but the role floor keeps " + tier.id();
            }
            rules.add(rule);
            reason.append("; ").append(rule);
        }
        return new RoutingDecision(tier, score, features, reason.toString(), false, downgraded);
    }

    /** Every signal that moved the score, largest move first. */
    private List<Explanation.Signal> ranked(TaskFeatures.Signals signals) {
        double[] x = signals.values();
        Integer[] order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(model.contribution(i, x[i]))));
        List<Explanation.Signal> out = new ArrayList<>();
        for (int i : order) {
            double c = model.contribution(i, x[i]);
            if (Math.abs(c) < NOTABLE) {
                break;
            }
            out.add(new Explanation.Signal(TaskFeatures.NAMES.get(i), signals.describe(i), x[i], c, model.source(i)));
        }
        return out;
    }

    private static Tier max(Tier a, Tier b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Per-role minimum tiers (keys are lower-case role names) and the budget below which a call steps down. */
    public record Settings(Map<String, Tier> roleFloors, long lowBudgetMicros) {
        public Settings {
            Map<String, Tier> normalised = new HashMap<>();
            roleFloors.forEach((role, tier) ->
                    normalised.put(role.strip().toLowerCase(Locale.ROOT), requireNonNull(tier, "floor")));
            roleFloors = Map.copyOf(normalised);
            if (lowBudgetMicros < 0) {
                throw new IllegalArgumentException("low-budget mark must not be negative, got " + lowBudgetMicros);
            }
        }

        public static Settings defaults() {
            return new Settings(Map.of("cto", Tier.GPT), 50_000);
        }

        Tier floorFor(String role) {
            return roleFloors.getOrDefault(role.strip().toLowerCase(Locale.ROOT), Tier.LOCAL);
        }
    }
}
