package dev.aios.router.evaluation;

import dev.aios.router.policy.Thresholds;
import dev.aios.router.policy.Tier;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The SWE-bench table of one split's test set: resolved rate and total cost of a three-tier router at operating
 * points chosen on calibration, against always-local / gpt / claude, random routing and prompt length with the same
 * tier shares, and the oracle; paired bootstrap intervals (every router on the same resamples of the test issues);
 * and, through {@link SweReach}, the cost at which each ranking reaches always-claude's rate.
 */
final class SweReport {

    /** An operating point: the shares of calibration issues the thresholds send to local and to claude. */
    record OperatingPoint(String name, double localShare, double claudeShare) {}

    static final List<OperatingPoint> POINTS = List.of(
            new OperatingPoint("claude 20%", 0, 0.2),
            new OperatingPoint("claude 50%", 0, 0.5),
            new OperatingPoint("claude 80%", 0, 0.8),
            new OperatingPoint("local 25%, claude 25%", 0.25, 0.25),
            new OperatingPoint("local 33%, claude 33%", 1.0 / 3, 1.0 / 3));

    private final SweSplit split;
    private final TierModels tiers;
    private final int n;
    private final double[][] resolved = new double[3][];
    private final double[][] hosted = new double[3][];
    private final double[][] gpu = new double[3][];
    private final double[] length;
    private final int[][] resamples;

    SweReport(SweSplit split, TierModels tiers, int resampleCount, long seed) {
        this.split = split;
        this.tiers = tiers;
        List<SweTask> test = split.test();
        this.n = test.size();
        for (Tier t : Tier.values()) {
            resolved[t.ordinal()] = test.stream()
                    .mapToDouble(task -> tiers.resolved(task, t) ? 1 : 0)
                    .toArray();
            hosted[t.ordinal()] = test.stream()
                    .mapToDouble(task -> tiers.cost(task, t, TierModels.Pricing.HOSTED))
                    .toArray();
            gpu[t.ordinal()] = test.stream()
                    .mapToDouble(task -> tiers.cost(task, t, TierModels.Pricing.GPU))
                    .toArray();
        }
        this.length = test.stream().mapToDouble(task -> task.problem().length()).toArray();
        this.resamples = Bootstrap.resamples(n, resampleCount, seed);
    }

    /** Thresholds on {@code calibrationScores} for an operating point; without a local share nothing goes local. */
    static Thresholds thresholds(double[] calibrationScores, OperatingPoint point) {
        double[] ones = new double[calibrationScores.length];
        Arrays.fill(ones, 1);
        Thresholds t = Thresholds.calibrate(calibrationScores, ones, 1 - point.localShare(), point.claudeShare());
        return point.localShare() == 0 ? new Thresholds(0, t.claude()) : t;
    }

    void printHeader(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%n== SWE-bench Verified, %s split: train %d / calibration %d / test %d issues%n",
                split.name(),
                split.train().size(),
                split.calibration().size(),
                n);
        out.printf(Locale.ROOT, "test repositories: %s%n", repos(split.test()));
        out.printf(
                Locale.ROOT,
                "tiers: local = %s | gpt = %s | claude = %s%n",
                tiers.local(),
                tiers.gpt(),
                tiers.claude());
        out.printf(
                Locale.ROOT,
                "pricing: $ hosted = the API cost logged per issue for every tier; $ gpu = local at api_calls x %.2f GPU-s x $%.2f"
                        + " per GPU-hour, gpt and claude hosted%n",
                tiers.gpuSecondsPerCall(),
                tiers.usdPerGpuHour());
        out.printf(
                Locale.ROOT,
                "%-50s | %-13s | %-21s | %8s | %8s | %-22s | %-22s%n",
                "router",
                "local/gpt/cl.",
                "resolved [95% CI]",
                "$ hosted",
                "$ gpu",
                "vs random, same shares",
                "vs length, same shares");
        for (Tier t : Tier.values()) {
            int[] all = new int[n];
            Arrays.fill(all, t.ordinal());
            row(out, "always " + t.id() + " (" + shortName(tiers.model(t)) + ")", all, false);
        }
        int[] oracle = oracle(hosted);
        row(out, "oracle (cheapest tier that resolves)", oracle, false);
    }

    /** One router at one operating point, followed by random and prompt length with the same tier counts. */
    void printRouter(PrintStream out, String name, double[] scores, Thresholds thresholds) {
        int[] router = new int[n];
        for (int i = 0; i < n; i++) {
            router[i] = thresholds.tierFor(scores[i]).ordinal();
        }
        row(out, name, router, true);
        int[] counts = counts(router);
        out.printf(
                Locale.ROOT,
                "%-50s | %-13s | %-21s | %8.2f | %8.2f |%n",
                "  random, same shares",
                "",
                percent(randomEstimate(counts)),
                randomCost(counts, hosted),
                randomCost(counts, gpu));
        int[] byLength = sameShares(length, counts);
        out.printf(
                Locale.ROOT,
                "%-50s | %-13s | %-21s | %8.2f | %8.2f |%n",
                "  prompt length, same shares",
                shares(byLength),
                estimate(byLength),
                total(byLength, hosted),
                total(byLength, gpu));
    }

    /** One candidate's row, without the baselines' sub-rows. */
    void printCandidate(PrintStream out, String name, double[] scores, Thresholds thresholds) {
        int[] router = new int[n];
        for (int i = 0; i < n; i++) {
            router[i] = thresholds.tierFor(scores[i]).ordinal();
        }
        row(out, name, router, true);
    }

    /** The cost at which gpt-then-claude routing (local unused) by each ranking reaches a share of always-claude's rate. */
    void printReach(PrintStream out, String name, double[] scores) {
        new SweReach(resolved, hosted, length, resamples).print(out, name, scores);
    }

    private void row(PrintStream out, String name, int[] tiersOf, boolean compare) {
        String vsRandom = "", vsLength = "";
        if (compare) {
            int[] counts = counts(tiersOf);
            int[] byLength = sameShares(length, counts);
            vsRandom = points(resolvedDifference(tiersOf, null, counts));
            vsLength = points(resolvedDifference(tiersOf, byLength, counts));
        }
        out.printf(
                Locale.ROOT,
                "%-50s | %-13s | %-21s | %8.2f | %8.2f | %-22s | %-22s%n",
                name,
                shares(tiersOf),
                estimate(tiersOf),
                total(tiersOf, hosted),
                total(tiersOf, gpu),
                vsRandom,
                vsLength);
    }

    private String estimate(int[] tiersOf) {
        double point = resolvedRate(tiersOf, ones());
        double[] boot = Arrays.stream(resamples)
                .mapToDouble(c -> resolvedRate(tiersOf, c))
                .toArray();
        return percent(Estimate.of(point, boot));
    }

    /** Router minus {@code other} (random with the same counts when null), in resolved percentage points, paired. */
    private Estimate resolvedDifference(int[] router, int @Nullable [] other, int[] counts) {
        double point = resolvedRate(router, ones())
                - (other == null ? randomResolved(counts, ones()) : resolvedRate(other, ones()));
        double[] boot = Arrays.stream(resamples)
                .mapToDouble(c ->
                        resolvedRate(router, c) - (other == null ? randomResolved(counts, c) : resolvedRate(other, c)))
                .toArray();
        return Estimate.of(point, boot);
    }

    private double resolvedRate(int[] tiersOf, int[] counts) {
        double r = 0, total = 0;
        for (int i = 0; i < n; i++) {
            r += counts[i] * resolved[tiersOf[i]][i];
            total += counts[i];
        }
        return r / total;
    }

    /** Random routing with these tier counts, in expectation: each issue goes to tier t with probability counts[t] / n. */
    private double randomResolved(int[] tierCounts, int[] counts) {
        double r = 0, total = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 3; t++) {
                r += counts[i] * resolved[t][i] * tierCounts[t] / n;
            }
            total += counts[i];
        }
        return r / total;
    }

    private Estimate randomEstimate(int[] tierCounts) {
        double point = randomResolved(tierCounts, ones());
        double[] boot = Arrays.stream(resamples)
                .mapToDouble(c -> randomResolved(tierCounts, c))
                .toArray();
        return Estimate.of(point, boot);
    }

    private double randomCost(int[] tierCounts, double[][] cost) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 3; t++) {
                total += cost[t][i] * tierCounts[t] / n;
            }
        }
        return total;
    }

    /** The same number of issues per tier as {@code counts}, assigned by {@code scores}: lowest to local, highest to claude. */
    private int[] sameShares(double[] scores, int[] counts) {
        int[] order = ascending(scores);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[order[k]] = k < counts[0] ? 0 : k < counts[0] + counts[1] ? 1 : 2;
        }
        return out;
    }

    private int[] oracle(double[][] cost) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int t = 0; t < 3; t++) {
                boolean better = best < 0
                        || resolved[t][i] > resolved[best][i]
                        || resolved[t][i] == resolved[best][i] && cost[t][i] < cost[best][i];
                best = better ? t : best;
            }
            out[i] = best;
        }
        return out;
    }

    private int[] counts(int[] tiersOf) {
        int[] counts = new int[3];
        for (int t : tiersOf) {
            counts[t]++;
        }
        return counts;
    }

    private String shares(int[] tiersOf) {
        int[] c = counts(tiersOf);
        return c[0] + "/" + c[1] + "/" + c[2];
    }

    private double total(int[] tiersOf, double[][] cost) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += cost[tiersOf[i]][i];
        }
        return total;
    }

    private int[] ones() {
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    static int[] descending(double[] scores) {
        return IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static int[] ascending(double[] scores) {
        return IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static String percent(Estimate e) {
        return e.asPercent();
    }

    private static String points(Estimate e) {
        return String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", e.value() * 100, e.low() * 100, e.high() * 100);
    }

    private static String repos(List<SweTask> tasks) {
        return tasks.stream()
                .collect(Collectors.groupingBy(SweTask::repo, TreeMap::new, Collectors.counting()))
                .toString();
    }

    private static String shortName(String model) {
        int paren = model.indexOf(" (20");
        return paren > 0 ? model.substring(0, paren) : model;
    }
}
