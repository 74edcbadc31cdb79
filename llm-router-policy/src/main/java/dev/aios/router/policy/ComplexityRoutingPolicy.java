package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Routes by a fitted complexity score: features → {@link ComplexityModel} score → tier through calibrated
 * {@link Thresholds}; then a per-role floor, a downgrade when the remaining budget is low, and an explicit
 * override that beats both. Every decision carries its features, score and a sentence saying why.
 */
public final class ComplexityRoutingPolicy implements RoutingPolicy {

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
        double[] x = RequestFeatures.extract(request);
        double score = model.score(x);
        Map<String, Double> features = new HashMap<>(x.length * 2);
        for (int i = 0; i < x.length; i++) {
            features.put(RequestFeatures.NAMES.get(i), x[i]);
        }
        Thresholds t = model.thresholds();
        Tier scored = t.tierFor(score);
        String why = String.format(Locale.ROOT, "score %.3f (gpt from %.3f, claude from %.3f) chose %s%s",
                score, t.gpt(), t.claude(), scored.id(), topSignals(x));
        if (request.override().isPresent()) {
            Tier forced = request.override().get();
            return new RoutingDecision(forced, score, features,
                    "explicit override to " + forced.id() + " honoured; " + why, true, false);
        }
        Tier floor = settings.floorFor(request.role());
        Tier tier = max(scored, floor);
        StringBuilder reason = new StringBuilder(why);
        if (tier != scored) {
            reason.append("; raised to ").append(floor.id()).append(" by the floor for role '").append(request.role()).append('\'');
        }
        boolean downgraded = false;
        if (request.budgetRemainingMicros().isPresent()
                && request.budgetRemainingMicros().get() < settings.lowBudgetMicros()
                && tier != Tier.LOCAL) {
            long left = request.budgetRemainingMicros().get();
            if (tier.ordinal() > floor.ordinal()) {
                Tier lower = Tier.values()[tier.ordinal() - 1];
                reason.append("; downgraded from ").append(tier.id()).append(" to ").append(lower.id())
                        .append(" because only ").append(left).append(" micro-USD of budget remain (below ")
                        .append(settings.lowBudgetMicros()).append(')');
                tier = lower;
                downgraded = true;
            } else {
                reason.append("; budget is low (").append(left).append(" micro-USD) but the role floor keeps ").append(tier.id());
            }
        }
        return new RoutingDecision(tier, score, features, reason.toString(), false, downgraded);
    }

    /** The full explanation: the decision's sentence, then every feature and its contribution to the score. */
    public String explain(RoutingRequest request) {
        RoutingDecision decision = decide(request);
        double[] x = RequestFeatures.extract(request);
        StringBuilder b = new StringBuilder();
        b.append("tier=").append(decision.tier().id()).append(" score=").append(String.format(Locale.ROOT, "%.4f", decision.score()))
                .append(" thresholds=[gpt ").append(model.thresholds().gpt()).append(", claude ").append(model.thresholds().claude())
                .append("] model=").append(model.version()).append('\n');
        b.append("reason: ").append(decision.reason()).append('\n');
        for (int i = 0; i < x.length; i++) {
            b.append(String.format(Locale.ROOT, "  %-18s value=%9.4f contribution=%+.4f (%s)%n", RequestFeatures.NAMES.get(i), x[i],
                    contribution(i, x), model.source(i)));
        }
        return b.toString();
    }

    private double contribution(int i, double[] x) {
        return model.weights()[i] * (x[i] - model.means()[i]) / model.scales()[i];
    }

    private String topSignals(double[] x) {
        int first = -1, second = -1;
        for (int i = 0; i < x.length; i++) {
            double c = contribution(i, x);
            if (c <= 0.05) {
                continue;
            }
            if (first < 0 || c > contribution(first, x)) {
                second = first;
                first = i;
            } else if (second < 0 || c > contribution(second, x)) {
                second = i;
            }
        }
        if (first < 0) {
            return "";
        }
        String s = "; strongest signals: " + RequestFeatures.NAMES.get(first) + String.format(Locale.ROOT, " %+.2f", contribution(first, x));
        return second < 0 ? s : s + ", " + RequestFeatures.NAMES.get(second) + String.format(Locale.ROOT, " %+.2f", contribution(second, x));
    }

    private static Tier max(Tier a, Tier b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Per-role minimum tiers (keys are lower-case role names) and the budget below which a call steps down. */
    public record Settings(Map<String, Tier> roleFloors, long lowBudgetMicros) {
        public Settings {
            Map<String, Tier> normalised = new HashMap<>();
            roleFloors.forEach((role, tier) -> normalised.put(role.strip().toLowerCase(Locale.ROOT), requireNonNull(tier, "floor")));
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
