package dev.aios.router.policy;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Two cut points on the complexity score: below {@code gpt} a request goes to the local model, from {@code gpt}
 * to GPT, from {@code claude} to Claude. Calibrated on held-out scores for a target share of calls per tier.
 */
public record Thresholds(double gpt, double claude) {
    public Thresholds {
        if (Double.isNaN(gpt) || Double.isNaN(claude) || gpt > claude) {
            throw new IllegalArgumentException("thresholds need gpt <= claude, got gpt=" + gpt + " claude=" + claude);
        }
    }

    public Tier tierFor(double score) {
        if (score >= claude) {
            return Tier.CLAUDE;
        }
        return score >= gpt ? Tier.GPT : Tier.LOCAL;
    }

    /**
     * Thresholds that send {@code strongShare} of the (weighted) calibration calls to GPT or Claude and
     * {@code claudeShare} of them to Claude.
     */
    public static Thresholds calibrate(double[] scores, double[] weights, double strongShare, double claudeShare) {
        if (scores.length == 0 || scores.length != weights.length) {
            throw new IllegalArgumentException("calibration needs scores and one weight per score");
        }
        if (!(claudeShare >= 0 && claudeShare <= strongShare && strongShare <= 1)) {
            throw new IllegalArgumentException(
                    "shares need 0 <= claude <= strong <= 1, got strong=" + strongShare + " claude=" + claudeShare);
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double total = Arrays.stream(weights).sum();
        return new Thresholds(
                cut(order, scores, weights, strongShare * total), cut(order, scores, weights, claudeShare * total));
    }

    /** The strong-call share an average budget per call affords, given the weak and strong cost per call. */
    public static double shareForBudget(double budgetPerCall, double weakCostPerCall, double strongCostPerCall) {
        if (!(strongCostPerCall > weakCostPerCall) || weakCostPerCall < 0) {
            throw new IllegalArgumentException("a budget share needs 0 <= weak cost < strong cost");
        }
        double share = (budgetPerCall - weakCostPerCall) / (strongCostPerCall - weakCostPerCall);
        return Math.clamp(share, 0.0, 1.0);
    }

    /** The score above which the highest-scoring calls hold {@code wanted} weight; mid-way between neighbours. */
    private static double cut(Integer[] order, double[] scores, double[] weights, double wanted) {
        double taken = 0;
        int k = 0;
        // half a unit of tolerance keeps rounding from adding one more call than the share asks for
        double minWeight = Arrays.stream(weights).min().orElse(1);
        while (k < order.length && taken + weights[order[k]] <= wanted + minWeight / 2) {
            taken += weights[order[k]];
            k++;
        }
        if (k == 0) {
            return Math.nextUp(scores[order[0]]);
        }
        if (k == order.length) {
            return scores[order[k - 1]];
        }
        return (scores[order[k - 1]] + scores[order[k]]) / 2;
    }
}
