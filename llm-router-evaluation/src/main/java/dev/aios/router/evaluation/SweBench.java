package dev.aios.router.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads router-eval's {@code swebench_verified/}: the issue texts (JSON Lines) joined by instance id with the
 * per-instance outcomes of the bash-only leaderboard (one row per instance × model). Claude 3.7 Sonnet's rows are
 * dropped: its per-instance labels contradict its reported score (router-eval README). The {@code patch} column
 * (the reference fix) is never read.
 */
final class SweBench {

    static final String ISSUES = "swebench_verified/swebench_verified.jsonl";
    static final String OUTCOMES = "swebench_verified/swebench_verified_bashonly_long.csv";
    static final String BROKEN_MODEL = "Claude 3.7 Sonnet (20250219)";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SweBench() {}

    /** Every issue in instance-id order, with the runs of every kept model; any gap in the join is an error. */
    static List<SweTask> load(Path dir) throws IOException {
        Map<String, String[]> issues = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve(ISSUES), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            issues.put(n.get("instance_id").asString(), new String[] {
                n.get("repo").asString(), n.get("problem_statement").asString()
            });
        }
        Map<String, Map<String, SweTask.Run>> runs = new HashMap<>();
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(dir.resolve(OUTCOMES), StandardCharsets.UTF_8)) {
            rows = Csv.parse(in);
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < rows.getFirst().size(); i++) {
            column.put(rows.getFirst().get(i), i);
        }
        for (String name : List.of("instance_id", "model", "resolved", "cost_usd", "api_calls")) {
            if (!column.containsKey(name)) {
                throw new IllegalArgumentException(OUTCOMES + " has no column '" + name + "'");
            }
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            String model = row.get(column.get("model"));
            if (model.equals(BROKEN_MODEL)) {
                continue;
            }
            String id = row.get(column.get("instance_id"));
            if (!issues.containsKey(id)) {
                throw new IllegalArgumentException(OUTCOMES + " names instance " + id + ", which has no issue text");
            }
            SweTask.Run run = new SweTask.Run(
                    bool(row.get(column.get("resolved"))),
                    Double.parseDouble(row.get(column.get("cost_usd"))),
                    Integer.parseInt(row.get(column.get("api_calls"))));
            if (runs.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(model, run) != null) {
                throw new IllegalArgumentException(OUTCOMES + " has two rows for " + id + " and " + model);
            }
        }
        List<SweTask> tasks = new ArrayList<>();
        int models = -1;
        for (Map.Entry<String, String[]> issue : issues.entrySet()) {
            Map<String, SweTask.Run> taskRuns = runs.getOrDefault(issue.getKey(), Map.of());
            if (models >= 0 && taskRuns.size() != models || taskRuns.isEmpty()) {
                throw new IllegalArgumentException("instance " + issue.getKey() + " has runs of " + taskRuns.size()
                        + " models, the others of " + models);
            }
            models = taskRuns.size();
            tasks.add(new SweTask(issue.getKey(), issue.getValue()[0], issue.getValue()[1], taskRuns));
        }
        return tasks;
    }

    private static boolean bool(String value) {
        return switch (value.strip()) {
            case "True", "true" -> true;
            case "False", "false" -> false;
            default -> throw new IllegalArgumentException("expected True or False as an outcome, got '" + value + "'");
        };
    }
}
