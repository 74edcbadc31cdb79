package dev.aios.router.evaluation;

import dev.aios.router.policy.RoutingRequest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the router-eval files into decontaminated {@link Dataset}s; see router-eval/README.md for the formats. */
final class Datasets {

    static final String WEAK_ROUTELLM = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    static final String STRONG_ROUTELLM = "gpt-4-1106-preview";
    static final String LCB_COMMIT = "33505c0";
    static final String LCB_STRONG = "Claude-3.5-Sonnet-20241022";
    static final String LCB_WEAK = "Codestral-Latest";
    /** Codestral was released on 2024-05-29: later problems cannot be in either model's training data. */
    static final LocalDate LCB_FIRST_DATE = LocalDate.of(2024, 6, 1);

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    Datasets(Path dir) {
        this.dir = dir;
    }

    List<Dataset> all() throws IOException {
        return List.of(gsm8k(), mmlu(), mtBench(), liveCodeBench());
    }

    Dataset gsm8k() throws IOException {
        Path file = dir.resolve("routellm/gsm8k_responses.csv");
        Set<String> contaminated = contaminated(dir.resolve("routellm/gsm8k_contaminated_prompts.jsonl"));
        List<List<String>> rows = readCsv(file);
        List<Outcome> outcomes = new ArrayList<>();
        Header header = header(rows.getFirst(), file);
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String prompt = row.get(header.get("prompt"));
            if (!contaminated.contains(prompt.strip())) {
                outcomes.add(new Outcome(
                        "gsm8k/" + (i - 1),
                        promptOnly(prompt, 1),
                        bool(row.get(header.get(WEAK_ROUTELLM))),
                        bool(row.get(header.get(STRONG_ROUTELLM)))));
            }
        }
        return new Dataset(
                "GSM8K",
                STRONG_ROUTELLM,
                WEAK_ROUTELLM,
                outcomes,
                rows.size() - 1,
                rows.size() - 1 - outcomes.size(),
                "performance = share answered correctly");
    }

    Dataset mmlu() throws IOException {
        Set<String> contaminated = contaminated(dir.resolve("routellm/mmlu_contaminated_prompts.jsonl"));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("routellm/mmlu_responses"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
        List<Outcome> outcomes = new ArrayList<>();
        int loaded = 0;
        for (Path file : files) {
            String subject =
                    file.getFileName().toString().replaceFirst("^mmlu_", "").replaceFirst("\\.csv$", "");
            List<List<String>> rows = readCsv(file);
            Header header = header(rows.getFirst(), file);
            for (int i = 1; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                loaded++;
                String prompt = row.get(header.get("prompt"));
                if (!contaminated.contains(prompt.strip())) {
                    outcomes.add(new Outcome(
                            "mmlu/" + subject + "/" + (i - 1),
                            promptOnly(prompt, 1),
                            bool(row.get(header.get(WEAK_ROUTELLM))),
                            bool(row.get(header.get(STRONG_ROUTELLM)))));
                }
            }
        }
        return new Dataset(
                "MMLU",
                STRONG_ROUTELLM,
                WEAK_ROUTELLM,
                outcomes,
                loaded,
                loaded - outcomes.size(),
                "performance = share answered correctly; math subjects have noisy GPT-4 labels (kept in test, left out of the fit)");
    }

    Dataset mtBench() throws IOException {
        Set<String> contaminated = contaminated(dir.resolve("routellm/mt_bench_contaminated_prompts.jsonl"));
        Map<Integer, double[]> sums = new HashMap<>();
        for (JsonNode j : jsonLines(dir.resolve("routellm/mt_bench_judgements.jsonl"))) {
            String model = j.get("model").asString();
            int slot = model.equals(WEAK_ROUTELLM) ? 0 : model.equals(STRONG_ROUTELLM) ? 1 : -1;
            if (slot >= 0) {
                double[] s = sums.computeIfAbsent(j.get("question_id").asInt(), k -> new double[4]);
                s[slot] += j.get("score").asDouble();
                s[slot + 2]++;
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        int loaded = 0;
        for (JsonNode q : jsonLines(dir.resolve("routellm/mt_bench_question.jsonl"))) {
            loaded++;
            int id = q.get("question_id").asInt();
            // RouteLLM routes on the first turn and scores the mean over both turns
            String firstTurn = q.get("turns").get(0).asString();
            double[] s = sums.get(id);
            if (s == null || s[2] == 0 || s[3] == 0) {
                throw new IllegalArgumentException("MT-Bench question " + id + " has no judgement for both models");
            }
            if (!contaminated.contains(firstTurn.strip())) {
                outcomes.add(new Outcome("mt-bench/" + id, promptOnly(firstTurn, 1), s[0] / s[2], s[1] / s[3]));
            }
        }
        return new Dataset(
                "MT-Bench",
                STRONG_ROUTELLM,
                WEAK_ROUTELLM,
                outcomes,
                loaded,
                loaded - outcomes.size(),
                "performance = mean GPT-4 judge score (1-10) over both turns; routed on turn 1");
    }

    Dataset liveCodeBench() throws IOException {
        Path file = dir.resolve("livecodebench/lcb_codegen_pass1_wide_" + LCB_COMMIT + ".csv");
        List<List<String>> rows = readCsv(file);
        Header header = header(rows.getFirst(), file);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String weak = row.get(header.get(LCB_WEAK));
            String strong = row.get(header.get(LCB_STRONG));
            LocalDate date = LocalDate.parse(row.get(header.get("date")));
            if (date.isBefore(LCB_FIRST_DATE) || weak.isEmpty() || strong.isEmpty()) {
                continue;
            }
            // no problem statement ships with the data: the router sees the task kind and the difficulty as the hint
            RoutingRequest request = new RoutingRequest(
                    "", "code", row.get(header.get("difficulty")), 0, "", 1, 0, 0, Optional.empty(), Optional.empty());
            outcomes.add(new Outcome(
                    "lcb/" + row.get(header.get("question_id")),
                    request,
                    Double.parseDouble(weak) / 100,
                    Double.parseDouble(strong) / 100));
        }
        return new Dataset(
                "LiveCodeBench",
                LCB_STRONG,
                LCB_WEAK,
                outcomes,
                rows.size() - 1,
                0,
                "performance = pass@1; " + (rows.size() - 1 - outcomes.size()) + " problems dated before "
                        + LCB_FIRST_DATE
                        + " dropped as possibly seen in training; no problem text, so only difficulty reaches the router");
    }

    private static RoutingRequest promptOnly(String prompt, int messages) {
        return new RoutingRequest("", "", "", 0, prompt, messages, 0, 0, Optional.empty(), Optional.empty());
    }

    private static Set<String> contaminated(Path file) throws IOException {
        Set<String> prompts = new HashSet<>();
        for (JsonNode j : jsonLines(file)) {
            prompts.add(j.get("eval_prompt").asString().strip());
        }
        return prompts;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = Csv.parse(in);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return rows;
        }
    }

    private static Header header(List<String> names, Path file) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return new Header(index, file);
    }

    private static double bool(String value) {
        return switch (value.strip()) {
            case "True", "true", "1", "1.0" -> 1;
            case "False", "false", "0", "0.0" -> 0;
            default -> throw new IllegalArgumentException("expected a boolean outcome, got '" + value + "'");
        };
    }

    /** Column positions by name; a missing column names the file and the column. */
    private record Header(Map<String, Integer> index, Path file) {
        int get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException(file + " has no column '" + column + "'");
            }
            return i;
        }
    }
}
