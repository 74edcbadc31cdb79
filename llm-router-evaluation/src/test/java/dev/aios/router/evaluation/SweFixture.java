package dev.aios.router.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes miniature {@code swebench_verified/} and {@code evalplus/} directories in the real formats: issues in
 * django and five other repositories, runs of the three tier models, two others and the dropped Claude 3.7 Sonnet;
 * long issues are the hard ones, so a length signal exists to be found.
 */
final class SweFixture {
    static final List<String> REPOS = List.of(
            "django/django", "sympy/sympy", "astropy/astropy", "psf/requests", "pydata/xarray", "pallets/flask");
    static final List<String> MODELS = List.of(
            TierModels.DEFAULT_LOCAL,
            TierModels.DEFAULT_GPT,
            TierModels.DEFAULT_CLAUDE,
            "Model A",
            "Model B",
            SweBench.BROKEN_MODEL);

    private SweFixture() {}

    static Path write(Path dir, int issues) throws IOException {
        Random random = new Random(11);
        Path swe = Files.createDirectories(dir.resolve("swebench_verified"));
        StringBuilder jsonl = new StringBuilder();
        StringBuilder csv = new StringBuilder("instance_id,model,folder,os_model,resolved,cost_usd,api_calls\n");
        for (int i = 0; i < issues; i++) {
            String repo = i < issues * 0.4 ? REPOS.getFirst() : REPOS.get(1 + i % (REPOS.size() - 1));
            String id = repo.replace('/', '_') + "-" + (1000 + i);
            int words = 5 + random.nextInt(200);
            String text = ("Issue " + i + ": the widget fails").concat(" and then it fails again".repeat(words / 5));
            jsonl.append("{\"instance_id\": \"")
                    .append(id)
                    .append("\", \"repo\": \"")
                    .append(repo)
                    .append("\", \"base_commit\": \"abc\", \"problem_statement\": \"")
                    .append(text)
                    .append("\", \"patch\": \"diff --git a/x b/x\"}\n");
            double hardness = words / 205.0;
            for (int m = 0; m < MODELS.size(); m++) {
                double skill = new double[] {0.55, 0.6, 0.85, 0.4, 0.7, 0.1}[m];
                boolean resolved = random.nextDouble() < skill * (1.2 - hardness);
                double cost = new double[] {0.2, 0.03, 0.7, 0.1, 0.2, 0.3}[m] * (0.5 + random.nextDouble());
                csv.append(id)
                        .append(',')
                        .append(MODELS.get(m))
                        .append(",folder-")
                        .append(m)
                        .append(',')
                        .append(m == 0 ? "True" : "False")
                        .append(',')
                        .append(resolved ? "True" : "False")
                        .append(',')
                        .append(cost)
                        .append(',')
                        .append(10 + random.nextInt(60))
                        .append('\n');
            }
        }
        Files.writeString(swe.resolve("swebench_verified.jsonl"), jsonl);
        Files.writeString(swe.resolve("swebench_verified_bashonly_long.csv"), csv);
        writeEvalPlus(dir.resolve("evalplus"));
        return dir;
    }

    private static void writeEvalPlus(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder humanEval = new StringBuilder(),
                mbpp = new StringBuilder(),
                heOutcomes = new StringBuilder(),
                mbppOutcomes = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            humanEval
                    .append("{\"task_id\": \"HumanEval/")
                    .append(i)
                    .append("\", \"prompt\": \"def f")
                    .append(i)
                    .append(
                            "(x):\\n    \\\"\\\"\\\" Return x plus one.\\n    >>> f(1)\\n    2\\n    \\\"\\\"\\\"\\n\", \"entry_point\": \"f\"}\n");
            // MBPP+ inputs hold -Infinity, which strict JSON forbids
            mbpp.append("{\"task_id\": \"Mbpp/")
                    .append(i)
                    .append("\", \"prompt\": \"'''\\nWrite a function to add one to a number.\\n'''\", ")
                    .append("\"base_input\": [[-Infinity]]}\n");
            for (String model : List.of(EvalPlusCheck.LOCAL, EvalPlusCheck.STRONG)) {
                heOutcomes
                        .append("{\"benchmark_id\":\"humaneval+\",\"model\":\"")
                        .append(model)
                        .append("\",\"example_id\":\"HumanEval\\/")
                        .append(i)
                        .append("\",\"pass1\":")
                        .append(i % 2)
                        .append("}\n");
                mbppOutcomes
                        .append("{\"benchmark_id\":\"mbpp+\",\"model\":\"")
                        .append(model)
                        .append("\",\"example_id\":\"Mbpp\\/")
                        .append(i)
                        .append("\",\"pass1\":1}\n");
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("HumanEval.jsonl.gz")))) {
            out.write(humanEval.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("MbppPlus.jsonl"), mbpp);
        Files.writeString(dir.resolve("humaneval+.jsonl"), heOutcomes);
        Files.writeString(dir.resolve("mbpp+.jsonl"), mbppOutcomes);
    }
}
