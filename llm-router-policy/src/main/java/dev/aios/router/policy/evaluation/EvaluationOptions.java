package dev.aios.router.policy.evaluation;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Command-line options of {@link RouterEvaluation}; every default is what docs/router-evaluation.md reports. */
record EvaluationOptions(
        Path data,
        boolean fit,
        Path modelOut,
        @Nullable Path model,
        String version,
        int resamples,
        long seed,
        double strongShare,
        double claudeShare,
        double claudeMargin,
        double budgetPerCall,
        double weakCost,
        double strongCost) {

    static final String USAGE = "usage: RouterEvaluation [--data DIR] [--fit] [--model-out FILE] [--model FILE] [--version V]"
            + " [--resamples N] [--seed N] [--strong-share S] [--claude-share S | --claude-margin-logit M]"
            + " [--budget-per-call-micros B --weak-cost-micros W --strong-cost-micros S]";

    static EvaluationOptions parse(String[] args) {
        Path data = Path.of("../shared/router-eval");
        boolean fit = false;
        Path modelOut = Path.of("llm-router-policy/src/main/resources/dev/aios/router/policy/complexity-model.properties");
        Path model = null;
        String version = "complexity-v2";
        int resamples = 1000;
        long seed = 42;
        double strongShare = 0.5, claudeShare = 0.2, budget = 1500, weakCost = 0, strongCost = 3000;
        // benchmark prompts carry no request signals, so by default claude sits a fixed logit margin above gpt
        // (one complexity-hint level is 1.0) instead of at a benchmark share; --claude-share switches to a share
        double claudeMargin = 0.75;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--fit")) {
                fit = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value or is unknown; " + USAGE);
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--data" -> data = Path.of(value);
                    case "--model-out" -> modelOut = Path.of(value);
                    case "--model" -> model = Path.of(value);
                    case "--version" -> version = value;
                    case "--resamples" -> resamples = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--strong-share" -> strongShare = Double.parseDouble(value);
                    case "--claude-share" -> {
                        claudeShare = Double.parseDouble(value);
                        claudeMargin = Double.NaN;
                    }
                    case "--claude-margin-logit" -> claudeMargin = Double.parseDouble(value);
                    case "--budget-per-call-micros" -> budget = Double.parseDouble(value);
                    case "--weak-cost-micros" -> weakCost = Double.parseDouble(value);
                    case "--strong-cost-micros" -> strongCost = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + arg + " needs a number, got '" + value + "'");
            }
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("--resamples must be at least 1");
        }
        if (!(claudeShare >= 0 && claudeShare <= strongShare && strongShare <= 1)) {
            throw new IllegalArgumentException("shares need 0 <= claude-share <= strong-share <= 1");
        }
        if (claudeMargin < 0) {
            throw new IllegalArgumentException("--claude-margin-logit must not be negative");
        }
        return new EvaluationOptions(data, fit, modelOut, model, version, resamples, seed, strongShare, claudeShare, claudeMargin, budget,
                weakCost, strongCost);
    }
}
