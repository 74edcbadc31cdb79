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

    /** Key of the lexical part's logit contribution in {@link RoutingDecision#features()} (absent without one). */
    public static final String LEXICAL_LOGIT = "lexical_logit";

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        double[] x = RequestFeatures.extract(request);
        HashedTerms terms = model.terms(request.prompt());
        double score = model.score(x, terms);
        Map<String, Double> features = new HashMap<>(x.length * 2 + 2);
        for (int i = 0; i < x.length; i++) {
            features.put(RequestFeatures.NAMES.get(i), x[i]);
        }
        if (model.lexical().isPresent()) {
            features.put(LEXICAL_LOGIT, model.lexicalLogit(terms));
        }
        Thresholds t = model.thresholds();
        Tier scored = t.tierFor(score);
        String why = String.format(Locale.ROOT, "score %.3f (gpt from %.3f, claude from %.3f) chose %s%s",
                score, t.gpt(), t.claude(), scored.id(), topSignals(x, terms, request.prompt()));
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

    /**
     * The full explanation: the decision's sentence, every feature and its contribution to the score, then the
     * lexical part's total and the prompt terms that pushed the score up or down most.
     */
    public String explain(RoutingRequest request) {
        RoutingDecision decision = decide(request);
        double[] x = RequestFeatures.extract(request);
        HashedTerms terms = model.terms(request.prompt());
        StringBuilder b = new StringBuilder();
        b.append("tier=").append(decision.tier().id()).append(" score=").append(String.format(Locale.ROOT, "%.4f", decision.score()))
                .append(" thresholds=[gpt ").append(model.thresholds().gpt()).append(", claude ").append(model.thresholds().claude())
                .append("] model=").append(model.version()).append('\n');
        b.append("reason: ").append(decision.reason()).append('\n');
        for (int i = 0; i < x.length; i++) {
            b.append(String.format(Locale.ROOT, "  %-18s value=%9.4f contribution=%+.4f (%s)%n", RequestFeatures.NAMES.get(i), x[i],
                    contribution(i, x), model.source(i)));
        }
        model.lexical().ifPresent(lexical -> {
            b.append(String.format(Locale.ROOT, "  %-18s %d distinct terms contribution=%+.4f (fitted, %d buckets, n<=%d, first %d chars)%n",
                    "lexical", terms.size(), lexical.logit(terms), lexical.buckets(), lexical.maxN(), lexical.prefixChars()));
            Integer[] order = new Integer[terms.size()];
            java.util.Arrays.setAll(order, k -> k);
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer k) -> -Math.abs(lexical.contribution(terms, k))));
            for (int r = 0; r < Math.min(EXPLAINED_TERMS, order.length); r++) {
                int k = order[r];
                b.append(String.format(Locale.ROOT, "    term %-30s count=%d contribution=%+.4f%n", "'" + terms.term(request.prompt(), k) + "'",
                        terms.count(k), lexical.contribution(terms, k)));
            }
        });
        return b.toString();
    }

    /** How many terms {@link #explain} lists, by the size of their contribution. */
    static final int EXPLAINED_TERMS = 10;

    private double contribution(int i, double[] x) {
        return model.weights()[i] * (x[i] - model.means()[i]) / model.scales()[i];
    }

    private String topSignals(double[] x, HashedTerms terms, String prompt) {
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
        StringBuilder s = new StringBuilder();
        if (first >= 0) {
            s.append("; strongest signals: ").append(RequestFeatures.NAMES.get(first))
                    .append(String.format(Locale.ROOT, " %+.2f", contribution(first, x)));
            if (second >= 0) {
                s.append(", ").append(RequestFeatures.NAMES.get(second)).append(String.format(Locale.ROOT, " %+.2f", contribution(second, x)));
            }
        }
        model.lexical().ifPresent(lexical -> appendTerms(s, lexical, terms, prompt));
        return s.toString();
    }

    /** The terms' total and the two terms that moved the score most, up or down: each term is small, many add up. */
    private static void appendTerms(StringBuilder s, LexicalModel lexical, HashedTerms terms, String prompt) {
        if (terms.size() == 0) {
            return;
        }
        int first = -1, second = -1;
        for (int k = 0; k < terms.size(); k++) {
            double c = Math.abs(lexical.contribution(terms, k));
            if (first < 0 || c > Math.abs(lexical.contribution(terms, first))) {
                second = first;
                first = k;
            } else if (second < 0 || c > Math.abs(lexical.contribution(terms, second))) {
                second = k;
            }
        }
        s.append(String.format(Locale.ROOT, "; prompt terms %+.3f (largest '%s' %+.3f", lexical.logit(terms), terms.term(prompt, first),
                lexical.contribution(terms, first)));
        if (second >= 0) {
            s.append(String.format(Locale.ROOT, ", '%s' %+.3f", terms.term(prompt, second), lexical.contribution(terms, second)));
        }
        s.append(')');
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
