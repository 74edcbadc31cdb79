package dev.aios.router.evaluation;

import dev.aios.router.policy.Tier;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What the SWE-bench data holds: every model's resolved rate, cost and calls over all issues, the tiers' models marked. */
final class SweSummary {
    private SweSummary() {}

    static void print(List<SweTask> tasks, TierModels tiers, PrintStream out) {
        List<String> models = tasks.getFirst().runs().keySet().stream().sorted().toList();
        out.printf(
                Locale.ROOT,
                "%n== SWE-bench Verified: %d issues from %d repositories, %d models (mini-SWE-agent, bash only, one attempt;"
                        + " Claude 3.7 Sonnet dropped)%n",
                tasks.size(),
                tasks.stream().map(SweTask::repo).distinct().count(),
                models.size());
        out.printf(
                Locale.ROOT,
                "%-46s %-7s %9s %11s %10s %s%n",
                "model",
                "tier",
                "resolved",
                "$ all",
                "calls/issue",
                "$ gpu estimate (local)");
        models.stream().sorted(Comparator.comparingDouble(m -> rate(tasks, m))).forEach(m -> {
            String tier = "";
            for (Tier t : Tier.values()) {
                tier = tiers.model(t).equals(m) ? t.id() : tier;
            }
            double cost = tasks.stream().mapToDouble(t -> t.run(m).costUsd()).sum();
            double calls = tasks.stream()
                    .mapToDouble(t -> t.run(m).apiCalls())
                    .average()
                    .orElse(0);
            String gpu = tier.equals("local")
                    ? String.format(
                            Locale.ROOT,
                            "%.2f",
                            tasks.stream()
                                    .mapToDouble(t -> tiers.cost(t, Tier.LOCAL, TierModels.Pricing.GPU))
                                    .sum())
                    : "";
            out.printf(
                    Locale.ROOT,
                    "%-46s %-7s %8.1f%% %11.2f %10.1f %s%n",
                    m,
                    tier,
                    100 * rate(tasks, m),
                    cost,
                    calls,
                    gpu);
        });
        for (Tier t : Tier.values()) {
            if (!models.contains(tiers.model(t))) {
                throw new IllegalArgumentException(
                        "tier " + t.id() + " names model '" + tiers.model(t) + "', which the data does not hold");
            }
        }
    }

    private static double rate(List<SweTask> tasks, String model) {
        return tasks.stream().filter(t -> t.run(model).resolved()).count() / (double) tasks.size();
    }
}
