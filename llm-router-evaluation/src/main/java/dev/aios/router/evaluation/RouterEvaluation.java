package dev.aios.router.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.TaskFeatures;
import dev.aios.router.policy.Thresholds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The offline router evaluation, run with {@code ./aios eval router [--fit]}: SWE-bench Verified first (fit on
 * train, choose on calibration, the test tables of a random and a by-repository split, the shipped model written
 * with {@code --fit}), then the easy-task check on HumanEval+ / MBPP+, then the earlier GSM8K / MMLU / MT-Bench /
 * LiveCodeBench tables for the shipped model.
 */
public final class RouterEvaluation {

    static final String LICENSE =
            "CC BY-NC 4.0 (fitted on SWE-bench leaderboard outcomes; non-commercial use only, with attribution)";
    static final List<String> HEADER = List.of(
            "Fitted on per-instance outcomes of the SWE-bench Verified bash-only leaderboard (mini-SWE-agent runs of 24 models),",
            "from SWE-bench/swe-bench.github.io data/leaderboards.json at commit f1176b65ae29d14f4f52208b48e3d8cfc972bc17,",
            "(c) the SWE-bench team, licensed CC BY-NC 4.0 (https://creativecommons.org/licenses/by-nc/4.0/): this model is",
            "derived from that data and may be used for non-commercial purposes only, with this attribution. Issue texts:",
            "SWE-bench Verified (princeton-nlp/SWE-bench_Verified, MIT). See docs/router-evaluation.md.");

    private RouterEvaluation() {}

    public static void main(String[] args) throws IOException {
        EvaluationOptions options;
        try {
            options = EvaluationOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("router-eval: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!hasData(options.data())) {
            System.err.println("router-eval: data directory "
                    + options.data().toAbsolutePath().normalize()
                    + " not found or lacks swebench_verified/ and routellm/ (pass --data DIR)");
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("router-eval: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(EvaluationOptions options, PrintStream out) throws IOException {
        out.printf(
                Locale.ROOT,
                "router evaluation: data %s, seed %d, %d bootstrap resamples%n",
                options.data(),
                options.seed(),
                options.resamples());
        List<SweTask> tasks = SweBench.load(options.data());
        if (options.writeSplits() != null) {
            Files.writeString(
                    options.writeSplits(),
                    SweSplit.write(
                            List.of(
                                    SweSplit.random(tasks, options.seed()),
                                    SweSplit.byRepository(tasks, options.seed())),
                            options.seed()));
            out.println("wrote the splits to " + options.writeSplits());
            return;
        }
        List<SweSplit> splits = SweSplit.frozen(tasks, options.seed(), options.splits());
        ComplexityModel shipped = swebench(options, tasks, splits, out);
        EvalPlusCheck.print(options.data(), shipped, out);
        if (options.benchmarks()) {
            benchmarks(options, shipped, out);
        }
    }

    private static ComplexityModel swebench(
            EvaluationOptions options, List<SweTask> tasks, List<SweSplit> splits, PrintStream out) throws IOException {
        TierModels tiers = options.tiers();
        SweSummary.print(tasks, tiers, out);
        out.printf(
                Locale.ROOT,
                "%n-- candidates: fitted on each split's train issues, scored on its calibration issues (never on test)%n");
        SweFit fit = new SweFit();
        @Nullable Embeddings embeddings = options.embeddings() ? new Embeddings() : null;
        List<SweSelection.Candidate> candidates = SweSelection.fitAll(splits, fit, embeddings, out);
        SweSplit repository = splits.get(1);
        SweSelection.Candidate chosen =
                SweSelection.select(candidates, repository.calibration().size());
        out.printf(
                Locale.ROOT,
                "selected: %s (the fewest fitted signals within one standard error, %.3f, of the best shippable"
                        + " repository-split calibration correlation)%n",
                SweFit.label(chosen.family(), chosen.lambda()),
                SweSelection.standardError(repository.calibration().size()));
        ComplexityModel derived = shippedModel(options, chosen, repository, fit);
        ComplexityModel model;
        if (options.fit()) {
            try (Writer w = Files.newBufferedWriter(options.modelOut(), StandardCharsets.UTF_8)) {
                derived.write(w, HEADER);
            }
            out.println("wrote " + derived.version() + " to " + options.modelOut());
            model = derived;
        } else {
            model = ComplexityModel.loadDefault();
            if (!model.equals(derived)) {
                out.println("WARNING: the shipped model differs from what this code fits (" + derived
                        + "); run with --fit to refresh it." + " The tables below evaluate the shipped model.");
            }
        }
        out.printf(
                Locale.ROOT,
                "shipped model %s (%s); thresholds gpt >= %.4f, claude >= %.4f%n",
                model.version(),
                model.provenance(),
                model.thresholds().gpt(),
                model.thresholds().claude());
        printCoefficients(model, out);
        for (SweSplit split : splits) {
            SweReport report = new SweReport(split, tiers, options.resamples(), options.seed());
            SweScorer method = chosen.bySplit().get(split.name());
            ComplexityModel splitModel =
                    split == repository ? model : method.model().orElseThrow();
            double[] calibration = scores(splitModel, split.calibration(), fit);
            double[] test = scores(splitModel, split.test(), fit);
            report.printHeader(out);
            for (SweReport.OperatingPoint point : SweReport.POINTS) {
                report.printRouter(
                        out,
                        "router @ " + point.name() + " of calibration",
                        test,
                        SweReport.thresholds(calibration, point));
            }
            double reach = SweReach.share(split.calibration(), calibration, tiers);
            report.printRouter(
                    out,
                    String.format(Locale.ROOT, "router @ 95%% of claude on calibration (claude %.0f%%)", reach * 100),
                    test,
                    SweReport.thresholds(calibration, new SweReport.OperatingPoint("reach", 0, reach)));
            Thresholds shippedThresholds = split == repository ? model.thresholds() : options.shipped(calibration);
            report.printRouter(
                    out,
                    String.format(
                            Locale.ROOT,
                            "router @ shipped (gpt from %.2f, claude %.0f%%)",
                            options.shipGptFrom(),
                            options.shipClaudeShare() * 100),
                    test,
                    shippedThresholds);
            report.printReach(out, "router (" + chosen.family() + ")", test);
            out.printf(
                    Locale.ROOT,
                    "candidates on this split's test issues, best lambda per family by repository calibration, at claude 50%% of"
                            + " calibration (rank correlation with difficulty: calibration / test)%n");
            for (SweSelection.Candidate c : SweSelection.bestPerFamily(candidates)) {
                SweScorer scorer = c.bySplit().get(split.name());
                double[] cal = scorer.scores(split.calibration());
                double[] tst = scorer.scores(split.test());
                double rho = SweSelection.spearman(
                        tst,
                        split.test().stream().mapToDouble(SweTask::difficulty).toArray());
                report.printCandidate(
                        out,
                        String.format(
                                Locale.ROOT,
                                "%s (%+.2f / %+.2f)",
                                SweFit.label(c.family(), c.lambda()),
                                c.calibration().get(split.name()),
                                rho),
                        tst,
                        SweReport.thresholds(cal, SweReport.POINTS.get(1)));
            }
        }
        return model;
    }

    /** The chosen candidate fitted on the repository split's train set, thresholds from its calibration set. */
    private static ComplexityModel shippedModel(
            EvaluationOptions options, SweSelection.Candidate chosen, SweSplit repository, SweFit fit) {
        String provenance = String.format(
                Locale.ROOT,
                "fitted on the %d train issues of the SWE-bench Verified repository split (%s) with L2 %s on %s, label = share of 24 models"
                        + " that failed; gpt from score %.2f (policy), claude threshold from its %d calibration issues for a claude share of %.2f;"
                        + " other weights are priors",
                repository.train().size(),
                repos(repository.train()),
                chosen.lambda(),
                chosen.family(),
                options.shipGptFrom(),
                repository.calibration().size(),
                options.shipClaudeShare());
        ComplexityModel fitted = fit.model(
                options.version(),
                repository.train(),
                SweFit.FAMILIES.get(chosen.family()),
                chosen.lambda(),
                provenance,
                LICENSE);
        double[] calibration = scores(fitted, repository.calibration(), fit);
        return fitted.withThresholds(options.shipped(calibration));
    }

    private static double[] scores(ComplexityModel model, List<SweTask> tasks, SweFit fit) {
        return tasks.stream().mapToDouble(t -> model.score(fit.features(t))).toArray();
    }

    private static String repos(List<SweTask> tasks) {
        return String.join(
                ", ", tasks.stream().map(SweTask::repo).distinct().sorted().toList());
    }

    private static void benchmarks(EvaluationOptions options, ComplexityModel model, PrintStream out)
            throws IOException {
        out.printf(
                Locale.ROOT,
                "%n-- the earlier benchmarks (strong vs weak model), the shipped model as it is: split 50/20/30 with seed %d%n",
                options.seed());
        List<Dataset> datasets = new Datasets(options.data()).all();
        for (Dataset dataset : datasets) {
            Split split = Split.of(dataset, options.seed());
            DatasetReport report = new DatasetReport(dataset, split, options.resamples(), options.seed());
            double[] ours = report.scores(DatasetReport.by(model));
            double share = 0;
            for (double s : ours) {
                share += s >= model.thresholds().gpt() ? 1 : 0;
            }
            share /= ours.length;
            List<DatasetReport.Row> rows = new ArrayList<>();
            rows.add(report.scored("complexity (shipped model)", ours, share));
            if (split.test().stream().anyMatch(o -> !o.request().prompt().isEmpty())) {
                ComplexityModel own = ComplexityFit.fit("own", split.train());
                rows.add(report.scored(
                        "text signals fitted on this train split", report.scores(DatasetReport.by(own)), share));
            }
            rows.add(report.random(share, options.seed()));
            rows.add(report.scored(
                    "prompt length (longer -> strong)",
                    report.scores(o -> o.request().prompt().length()),
                    share));
            rows.add(report.constant("always strong", true));
            rows.add(report.constant("always weak", false));
            rows.add(report.scored("oracle", report.scores(o -> o.strong() - o.weak()), share));
            report.print(out, rows, share);
        }
    }

    private static void printCoefficients(ComplexityModel model, PrintStream out) {
        out.printf(Locale.ROOT, "%-20s %8s %10s %10s %10s%n", "feature", "source", "mean", "scale", "weight");
        out.printf(Locale.ROOT, "%-20s %8s %10s %10s %10.4f%n", "(intercept)", "fitted", "", "", model.intercept());
        for (int k = 0; k < TaskFeatures.SIZE; k++) {
            out.printf(
                    Locale.ROOT,
                    "%-20s %8s %10.4f %10.4f %10.4f%n",
                    TaskFeatures.NAMES.get(k),
                    model.source(k),
                    model.means()[k],
                    model.scales()[k],
                    model.weights()[k]);
        }
    }

    /** Whether {@code dir} looks like router-eval; checked before any work so a wrong path fails in one line. */
    static boolean hasData(Path dir) {
        return Files.isDirectory(dir.resolve("routellm")) && Files.isDirectory(dir.resolve("swebench_verified"));
    }
}
