package dev.aios.router.evaluation;

import dev.aios.router.policy.Tier;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The cost of reaching always-claude's resolved rate: rank the test issues, send the top ones to claude and the
 * rest to gpt (local unused), and take the hosted cost at the first point that resolves {@link #REACH} (and 100 %)
 * of what always-claude does; for a router's ranking, prompt length, the oracle's ranking and random routing, each
 * with a bootstrap interval over the report's resamples.
 */
final class SweReach {

    static final double REACH = 0.95;

    /** Test issue indices in the order claude gets them. */
    private record Ranking(String name, int[] order) {}

    private final double[][] resolved;
    private final double[][] hosted;
    private final double[] length;
    private final int[][] resamples;
    private final int n;

    SweReach(double[][] resolved, double[][] hosted, double[] length, int[][] resamples) {
        this.resolved = resolved;
        this.hosted = hosted;
        this.length = length;
        this.resamples = resamples;
        this.n = length.length;
    }

    /**
     * The smallest claude share (local unused) at which routing the calibration issues by {@code scores} reaches
     * {@link #REACH} of always-claude's resolved rate there.
     */
    static double share(List<SweTask> calibration, double[] scores, TierModels tiers) {
        int[] order = SweReport.descending(scores);
        double res = 0, target = 0;
        for (SweTask t : calibration) {
            res += tiers.resolved(t, Tier.GPT) ? 1 : 0;
            target += REACH * (tiers.resolved(t, Tier.CLAUDE) ? 1 : 0);
        }
        for (int k = 0; k <= order.length; k++) {
            if (res >= target - 1e-9) {
                return (double) k / order.length;
            }
            if (k < order.length) {
                SweTask t = calibration.get(order[k]);
                res += (tiers.resolved(t, Tier.CLAUDE) ? 1 : 0) - (tiers.resolved(t, Tier.GPT) ? 1 : 0);
            }
        }
        return 1;
    }

    /** The reach costs of the router's ranking and the baselines, at 95 % and 100 % of always-claude's rate. */
    void print(PrintStream out, String name, double[] scores) {
        double claudeRate = mean(resolved[Tier.CLAUDE.ordinal()]);
        double claudeCost = sum(hosted[Tier.CLAUDE.ordinal()]);
        for (double fraction : new double[] {REACH, 1.0}) {
            out.printf(
                    Locale.ROOT,
                    "cost ($ hosted) to reach %.0f%% of always-claude's resolved rate (%.1f%% x %.2f = %.1f%%), gpt then claude"
                            + " by ranking; always-claude costs $%.2f:%n",
                    fraction * 100,
                    claudeRate * 100,
                    fraction,
                    claudeRate * fraction * 100,
                    claudeCost);
            for (Ranking ranking : List.of(
                    new Ranking(name, SweReport.descending(scores)),
                    new Ranking("prompt length", SweReport.descending(length)),
                    new Ranking("oracle ranking", oracleOrder()))) {
                int[] order = ranking.order();
                double point = reachCost(order, fraction, ones());
                double[] boot = Arrays.stream(resamples)
                        .mapToDouble(c -> reachCost(order, fraction, c))
                        .toArray();
                Estimate e = Estimate.of(point, boot);
                out.printf(
                        Locale.ROOT,
                        "  %-48s $%s (%.0f%% of always-claude's cost)%n",
                        ranking.name(),
                        money(e),
                        100 * point / claudeCost);
            }
            double randomPoint = randomReach(fraction, ones());
            double[] randomBoot = Arrays.stream(resamples)
                    .mapToDouble(c -> randomReach(fraction, c))
                    .toArray();
            out.printf(
                    Locale.ROOT,
                    "  %-48s $%s (%.0f%% of always-claude's cost)%n",
                    "random (expected)",
                    money(Estimate.of(randomPoint, randomBoot)),
                    100 * randomPoint / claudeCost);
        }
    }

    /** Claude first where it alone resolves (cheapest switch first), then where both tie, then where it loses. */
    private int[] oracleOrder() {
        int g = Tier.GPT.ordinal(), c = Tier.CLAUDE.ordinal();
        return IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -(resolved[c][i] - resolved[g][i]))
                        .thenComparingDouble(i -> hosted[c][i] - hosted[g][i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Hosted cost of sending the first k of {@code order} to claude and the rest to gpt, at the smallest k that reaches the target. */
    private double reachCost(int[] order, double fraction, int[] counts) {
        int g = Tier.GPT.ordinal(), c = Tier.CLAUDE.ordinal();
        double res = 0, cost = 0, target = 0;
        for (int i = 0; i < n; i++) {
            res += counts[i] * resolved[g][i];
            cost += counts[i] * hosted[g][i];
            target += counts[i] * resolved[c][i] * fraction;
        }
        for (int k = 0; k <= n; k++) {
            if (res >= target - 1e-9) {
                return cost;
            }
            if (k < n) {
                int i = order[k];
                res += counts[i] * (resolved[c][i] - resolved[g][i]);
                cost += counts[i] * (hosted[c][i] - hosted[g][i]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Random gpt/claude routing: the claude share that reaches the target in expectation, and its expected cost. */
    private double randomReach(double fraction, int[] counts) {
        int g = Tier.GPT.ordinal(), c = Tier.CLAUDE.ordinal();
        double rg = 0, rc = 0, cg = 0, cc = 0;
        for (int i = 0; i < n; i++) {
            rg += counts[i] * resolved[g][i];
            rc += counts[i] * resolved[c][i];
            cg += counts[i] * hosted[g][i];
            cc += counts[i] * hosted[c][i];
        }
        double target = fraction * rc;
        if (rg >= target) {
            return cg;
        }
        if (rc <= rg) {
            return Double.POSITIVE_INFINITY;
        }
        double share = (target - rg) / (rc - rg);
        return cg + share * (cc - cg);
    }

    private int[] ones() {
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    private static String money(Estimate e) {
        return Double.isInfinite(e.value())
                ? "never"
                : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.value(), e.low(), e.high());
    }

    private static double mean(double[] v) {
        return sum(v) / v.length;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
