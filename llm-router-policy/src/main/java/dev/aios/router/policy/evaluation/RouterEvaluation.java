package dev.aios.router.policy.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.RequestFeatures;
import dev.aios.router.policy.Thresholds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The offline router evaluation: loads router-eval, removes contaminated prompts, splits 50/20/30 with a fixed
 * seed, optionally fits and writes the model ({@code --fit}), and prints APGR / CPT with bootstrap intervals for
 * our router and the baselines on every dataset's test split. Run it with {@code ./aios eval router [--fit]}.
 */
public final class RouterEvaluation {

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
            System.err.println("router-eval: data directory " + options.data().toAbsolutePath().normalize()
                    + " not found or lacks routellm/ (pass --data DIR)");
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    static void run(EvaluationOptions options, PrintStream out) throws IOException {
        List<Dataset> datasets = new Datasets(options.data()).all();
        List<Split> splits = datasets.stream().map(d -> Split.of(d, options.seed())).toList();
        List<Dataset> withPrompts = datasets.stream().filter(d -> !d.name().equals("LiveCodeBench")).toList();
        List<List<Outcome>> train = new ArrayList<>(), calibration = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            if (withPrompts.contains(datasets.get(i))) {
                train.add(splits.get(i).train());
                calibration.add(splits.get(i).calibration());
            }
        }
        double strongShare = options.strongShare();
        out.printf(Locale.ROOT, "router evaluation: data %s, seed %d, %d bootstrap resamples, split %.0f/%.0f/%.0f train/calibration/test%n",
                options.data(), options.seed(), options.resamples(), Split.TRAIN * 100, Split.CALIBRATION * 100,
                (1 - Split.TRAIN - Split.CALIBRATION) * 100);
        ComplexityModel model;
        Map<String, ComplexityModel> families = Map.of();
        ComplexityModel plainMean = null;
        if (options.fit()) {
            out.println("features, n-grams and L2 penalty chosen by APGR on the calibration splits (GSM8K, MMLU, MT-Bench):");
            ModelSelection.Selection selection =
                    ModelSelection.select(options.version(), train, calibration, strongShare, options.claudeShare(), out);
            model = selection.best();
            families = selection.bestByFamily();
            plainMean = selection.plainMean() == selection.best() ? null : selection.plainMean();
            if (!Double.isNaN(options.claudeMargin())) {
                double gpt = model.thresholds().gpt();
                double claude = 1 / (1 + Math.exp(-(Math.log(gpt / (1 - gpt)) + options.claudeMargin())));
                model = new ComplexityModel(model.version(), model.provenance().replaceFirst("and claude share [0-9.]+",
                                "with claude " + options.claudeMargin() + " logit above gpt"), model.intercept(), model.means(),
                        model.scales(), model.weights(), model.fitted(), new Thresholds(gpt, claude), model.lexical());
            }
            try (Writer w = Files.newBufferedWriter(options.modelOut(), StandardCharsets.UTF_8)) {
                model.write(w);
            }
            out.println("fitted " + model.version() + " on GSM8K, MMLU and MT-Bench train splits; wrote " + options.modelOut());
            printCoefficients(model, out);
            LexicalSummary.print(model, train, out);
        } else if (options.model() != null) {
            try (Reader r = Files.newBufferedReader(options.model(), StandardCharsets.UTF_8)) {
                model = ComplexityModel.read(r);
            }
        } else {
            model = ComplexityModel.loadDefault();
        }
        out.printf(Locale.ROOT, "model %s (%s); thresholds gpt >= %.4f, claude >= %.4f%n", model.version(), model.provenance(),
                model.thresholds().gpt(), model.thresholds().claude());
        if (options.fit()) {
            Thresholds budget = ComplexityFit.calibrate(model, calibration,
                    Thresholds.shareForBudget(options.budgetPerCall(), options.weakCost(), options.strongCost()), 0);
            out.printf(Locale.ROOT, "budget alternative: %.0f micro-USD per call with weak %.0f and strong %.0f affords a strong share of %.3f -> gpt threshold %.4f%n",
                    options.budgetPerCall(), options.weakCost(), options.strongCost(),
                    Thresholds.shareForBudget(options.budgetPerCall(), options.weakCost(), options.strongCost()), budget.gpt());
        }
        for (int i = 0; i < datasets.size(); i++) {
            report(datasets.get(i), splits.get(i), model, families, plainMean, options, out);
        }
    }

    private static void report(Dataset dataset, Split split, ComplexityModel model, Map<String, ComplexityModel> families,
            @Nullable ComplexityModel plainMean, EvaluationOptions options, PrintStream out) {
        DatasetReport report = new DatasetReport(dataset, split, options.resamples(), options.seed());
        double[] ours = report.scores(DatasetReport.by(model));
        double share = 0;
        for (double s : ours) {
            share += s >= model.thresholds().gpt() ? 1 : 0;
        }
        share /= ours.length;
        List<DatasetReport.Row> rows = new ArrayList<>();
        rows.add(report.scored("complexity (shipped model)", ours, share));
        // what the selection passed over: the plain-mean pick, and the best of every family by mean calibration APGR
        if (plainMean != null) {
            rows.add(report.scored("plain-mean pick (not shipped)", report.scores(DatasetReport.by(plainMean)), share));
        }
        for (Map.Entry<String, ComplexityModel> family : families.entrySet()) {
            rows.add(report.scored("cal-best " + family.getKey(), report.scores(DatasetReport.by(family.getValue())), share));
        }
        boolean hasPrompts = split.test().stream().anyMatch(o -> !o.request().prompt().isEmpty());
        if (hasPrompts) {
            ComplexityModel own = ComplexityFit.fit("own", List.of(split.train()), List.of(split.calibration()), 0.5, 0.2);
            rows.add(report.scored("complexity (fit on this train split)", report.scores(DatasetReport.by(own)), share));
        }
        rows.add(report.random(share, options.seed()));
        rows.add(report.scored("prompt length (longer -> strong)", report.scores(o -> o.request().prompt().length()), share));
        rows.add(report.constant("always strong", true));
        rows.add(report.constant("always weak", false));
        rows.add(report.scored("oracle", report.scores(o -> o.strong() - o.weak()), share));
        report.print(out, rows, share);
    }

    private static void printCoefficients(ComplexityModel model, PrintStream out) {
        out.printf(Locale.ROOT, "%-18s %8s %10s %10s %10s%n", "feature", "source", "mean", "scale", "weight");
        out.printf(Locale.ROOT, "%-18s %8s %10s %10s %10.4f%n", "(intercept)", "fitted", "", "", model.intercept());
        for (int k = 0; k < RequestFeatures.SIZE; k++) {
            out.printf(Locale.ROOT, "%-18s %8s %10.4f %10.4f %10.4f%n", RequestFeatures.NAMES.get(k),
                    model.source(k), model.means()[k], model.scales()[k], model.weights()[k]);
        }
    }

    /** Whether {@code dir} looks like router-eval; checked before any work so a wrong path fails in one line. */
    static boolean hasData(Path dir) {
        return Files.isDirectory(dir.resolve("routellm"));
    }
}
