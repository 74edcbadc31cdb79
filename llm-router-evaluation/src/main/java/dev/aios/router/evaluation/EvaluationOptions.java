package dev.aios.router.evaluation;

import dev.aios.router.policy.Thresholds;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Command-line options of {@link RouterEvaluation}; every default is what docs/router-evaluation.md reports. */
record EvaluationOptions(
        Path data,
        boolean fit,
        Path modelOut,
        String version,
        int resamples,
        long seed,
        boolean embeddings,
        boolean benchmarks,
        TierModels tiers,
        double shipGptFrom,
        double shipClaudeShare,
        @Nullable Path splits,
        @Nullable Path writeSplits) {

    static final String USAGE =
            "usage: RouterEvaluation [--data DIR] [--fit] [--model-out FILE] [--version V] [--resamples N] [--seed N]"
                    + " [--skip-embeddings] [--skip-benchmarks] [--local-model M] [--gpt-model M] [--claude-model M]"
                    + " [--gpu-seconds-per-call S] [--usd-per-gpu-hour P] [--ship-gpt-from SCORE] [--ship-claude-share S] [--splits FILE] [--write-splits FILE]";

    static final Path SHIPPED =
            Path.of("llm-router-policy/src/main/resources/dev/aios/router/policy/complexity-model.properties");

    static EvaluationOptions parse(String[] args) {
        Path data = Path.of("../shared/router-eval");
        boolean fit = false, embeddings = true, benchmarks = true;
        Path modelOut = SHIPPED;
        Path splits = null, writeSplits = null;
        String version = "complexity-v3";
        int resamples = 1000;
        long seed = 42;
        String local = TierModels.DEFAULT_LOCAL, gpt = TierModels.DEFAULT_GPT, claude = TierModels.DEFAULT_CLAUDE;
        double gpuSeconds = TierModels.DEFAULT_GPU_SECONDS_PER_CALL, gpuHour = TierModels.DEFAULT_USD_PER_GPU_HOUR;
        // the data never makes the local model worth its cost (GPT-5 mini is cheaper and better), so its threshold is
        // policy:
        // local only for tasks the model expects 70 % of models to solve; claude for the top quarter of calibration
        // issues
        double shipGptFrom = 0.30, shipClaude = 0.25;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--fit" -> fit = true;
                case "--skip-embeddings" -> embeddings = false;
                case "--skip-benchmarks" -> benchmarks = false;
                default -> {
                    if (!arg.startsWith("--")) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'; " + USAGE);
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + arg + " needs a value or is unknown; " + USAGE);
                    }
                    String value = args[++i];
                    try {
                        switch (arg) {
                            case "--data" -> data = Path.of(value);
                            case "--model-out" -> modelOut = Path.of(value);
                            case "--version" -> version = value;
                            case "--resamples" -> resamples = Integer.parseInt(value);
                            case "--seed" -> seed = Long.parseLong(value);
                            case "--local-model" -> local = value;
                            case "--gpt-model" -> gpt = value;
                            case "--claude-model" -> claude = value;
                            case "--gpu-seconds-per-call" -> gpuSeconds = Double.parseDouble(value);
                            case "--usd-per-gpu-hour" -> gpuHour = Double.parseDouble(value);
                            case "--ship-gpt-from" -> shipGptFrom = Double.parseDouble(value);
                            case "--ship-claude-share" -> shipClaude = Double.parseDouble(value);
                            case "--splits" -> splits = Path.of(value);
                            case "--write-splits" -> writeSplits = Path.of(value);
                            default -> throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("option " + arg + " needs a number, got '" + value + "'");
                    }
                }
            }
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("--resamples must be at least 1");
        }
        if (!(shipGptFrom >= 0 && shipGptFrom < 1 && shipClaude >= 0 && shipClaude <= 1)) {
            throw new IllegalArgumentException(
                    "--ship-gpt-from needs a score in [0, 1) and --ship-claude-share a share in [0, 1]");
        }
        return new EvaluationOptions(
                data,
                fit,
                modelOut,
                version,
                resamples,
                seed,
                embeddings,
                benchmarks,
                new TierModels(local, gpt, claude, gpuSeconds, gpuHour),
                shipGptFrom,
                shipClaude,
                splits,
                writeSplits);
    }

    /** The shipped thresholds for these calibration scores: gpt from a fixed score, claude at a calibrated share. */
    Thresholds shipped(double[] calibrationScores) {
        double claude = SweReport.thresholds(
                        calibrationScores, new SweReport.OperatingPoint("shipped", 0, shipClaudeShare))
                .claude();
        if (claude < shipGptFrom) {
            throw new IllegalArgumentException(
                    "the calibrated claude threshold " + claude + " lies below --ship-gpt-from " + shipGptFrom);
        }
        return new Thresholds(shipGptFrom, claude);
    }
}
