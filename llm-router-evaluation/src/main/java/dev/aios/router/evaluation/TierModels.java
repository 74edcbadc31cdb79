package dev.aios.router.evaluation;

import static java.util.Objects.requireNonNull;

import dev.aios.router.policy.Tier;

/**
 * Which model of the SWE-bench data stands for each tier, and what a task costs on it. {@code gpt} and
 * {@code claude} cost what the agent's log says the provider charged. {@code local} has two prices: the hosted
 * API price in the data (what renting the same open-weight model by the token costs), and a GPU estimate, because
 * a local tier runs on a GPU paid by the hour and the data holds no wall time: every model call is taken to need
 * {@code gpuSecondsPerCall} of one GPU at {@code usdPerGpuHour} (docs/router-evaluation.md derives the defaults).
 */
record TierModels(String local, String gpt, String claude, double gpuSecondsPerCall, double usdPerGpuHour) {

    static final String DEFAULT_LOCAL = "Devstral small (2512)";
    static final String DEFAULT_GPT = "GPT-5 mini (2025-08-07) (medium reasoning)";
    static final String DEFAULT_CLAUDE = "Claude 4.5 Opus medium (20251101)";
    /** One H100 80GB, on-demand rental, 2025 prices ($2-4 an hour at GPU clouds). */
    static final double DEFAULT_USD_PER_GPU_HOUR = 2.50;
    /**
     * A 24B model in FP8 with prefix caching and about 16 agents sharing the GPU: ~250 generated tokens at ~800
     * tokens/s of aggregate decode plus ~1,000 new prompt tokens at ~10,000 tokens/s of prefill, rounded up.
     */
    static final double DEFAULT_GPU_SECONDS_PER_CALL = 0.5;

    enum Pricing {
        /** Every tier at the API price logged in the data. */
        HOSTED,
        /** {@code local} at the GPU-hour estimate, the others at their API price. */
        GPU
    }

    TierModels {
        requireNonNull(local, "local");
        requireNonNull(gpt, "gpt");
        requireNonNull(claude, "claude");
        if (!(gpuSecondsPerCall >= 0) || !(usdPerGpuHour >= 0)) {
            throw new IllegalArgumentException("GPU seconds per call and dollars per GPU hour must not be negative");
        }
    }

    static TierModels defaults() {
        return new TierModels(
                DEFAULT_LOCAL, DEFAULT_GPT, DEFAULT_CLAUDE, DEFAULT_GPU_SECONDS_PER_CALL, DEFAULT_USD_PER_GPU_HOUR);
    }

    String model(Tier tier) {
        return switch (tier) {
            case LOCAL -> local;
            case GPT -> gpt;
            case CLAUDE -> claude;
        };
    }

    boolean resolved(SweTask task, Tier tier) {
        return task.run(model(tier)).resolved();
    }

    double cost(SweTask task, Tier tier, Pricing pricing) {
        SweTask.Run run = task.run(model(tier));
        return tier == Tier.LOCAL && pricing == Pricing.GPU
                ? run.apiCalls() * gpuSecondsPerCall * usdPerGpuHour / 3600
                : run.costUsd();
    }
}
