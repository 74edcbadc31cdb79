package dev.aios.router.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.RoutingRequest;
import dev.aios.router.policy.Tier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The easy-task check on HumanEval+ and MBPP+ (function-level tasks most models solve): how the shipped model
 * routes their prompts, and how a local-class open model and the strongest model in the data do on the prompts it
 * keeps down and on those it escalates. A router that sends these to Claude wastes money.
 */
final class EvalPlusCheck {

    /** A 6.7B open-weight coder (a local GPU model) and the strongest model present in both sets. */
    static final String LOCAL = "deepseek-coder-6.7b-instruct";

    static final String STRONG = "claude-3-opus-20240229";

    /** MBPP+'s test inputs hold -Infinity and NaN, which Python's json module writes and strict JSON forbids. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private EvalPlusCheck() {}

    static void print(Path dir, ComplexityModel model, PrintStream out) throws IOException {
        out.printf(
                Locale.ROOT,
                "%n== Easy-task check: HumanEval+ and MBPP+ prompts through the shipped model (no role, kind or hint)%n");
        out.printf(
                Locale.ROOT,
                "%-11s | %5s | %-22s | %-36s | %s%n",
                "set",
                "tasks",
                "local / gpt / claude",
                "pass@1 local-class " + LOCAL,
                "pass@1 " + STRONG);
        report(
                "HumanEval+",
                prompts(gzipLines(dir.resolve("evalplus/HumanEval.jsonl.gz"))),
                outcomes(dir.resolve("evalplus/humaneval+.jsonl")),
                model,
                out);
        report(
                "MBPP+",
                prompts(Files.readAllLines(dir.resolve("evalplus/MbppPlus.jsonl"), StandardCharsets.UTF_8)),
                outcomes(dir.resolve("evalplus/mbpp+.jsonl")),
                model,
                out);
    }

    private static void report(
            String name,
            Map<String, String> prompts,
            Map<String, Map<String, Integer>> passes,
            ComplexityModel model,
            PrintStream out) {
        int[] tiers = new int[3];
        double[][] local = new double[2][2], strong = new double[2][2];
        for (Map.Entry<String, String> task : prompts.entrySet()) {
            Map<String, Integer> byModel = passes.get(task.getKey());
            if (byModel == null || !byModel.containsKey(LOCAL) || !byModel.containsKey(STRONG)) {
                continue;
            }
            RoutingRequest request =
                    new RoutingRequest("", "", "", 0, task.getValue(), 1, 0, 0, Optional.empty(), Optional.empty());
            Tier tier = model.thresholds().tierFor(model.score(request));
            tiers[tier.ordinal()]++;
            int escalated = tier == Tier.CLAUDE ? 1 : 0;
            local[escalated][0] += byModel.get(LOCAL);
            local[escalated][1]++;
            strong[escalated][0] += byModel.get(STRONG);
            strong[escalated][1]++;
        }
        out.printf(
                Locale.ROOT,
                "%-11s | %5d | %-22s | %-36s | %s%n",
                name,
                tiers[0] + tiers[1] + tiers[2],
                tiers[0] + " / " + tiers[1] + " / " + tiers[2],
                split(local),
                split(strong));
    }

    private static String split(double[][] pass) {
        return String.format(Locale.ROOT, "%s kept below claude, %s sent to claude", rate(pass[0]), rate(pass[1]));
    }

    private static String rate(double[] p) {
        return p[1] == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * p[0] / p[1]);
    }

    private static Map<String, String> prompts(List<String> lines) {
        Map<String, String> prompts = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                prompts.put(n.get("task_id").asString(), n.get("prompt").asString());
            }
        }
        return prompts;
    }

    private static Map<String, Map<String, Integer>> outcomes(Path file) throws IOException {
        Map<String, Map<String, Integer>> byTask = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                byTask.computeIfAbsent(n.get("example_id").asString(), k -> new HashMap<>())
                        .put(n.get("model").asString(), n.get("pass1").asInt());
            }
        }
        return byTask;
    }

    private static List<String> gzipLines(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return new ArrayList<>(in.lines().toList());
        }
    }
}
