package dev.aios.agents.cto;

import dev.aios.agent.Role;
import dev.aios.agent.persona.InvalidOutputException;
import dev.aios.agent.persona.Json;
import dev.aios.agent.persona.OutputReader;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks the CTO's answer against the backlog schema and maps it to task definitions. Every problem is listed,
 * so one repair request can fix them all. Dependency cycles are the orchestrator's check; unknown and duplicate
 * ids are caught here.
 */
final class BacklogReader implements OutputReader<Backlog> {
    static final int MAX_TASKS = 40;
    static final int MAX_ESTIMATE = 13;
    private static final Set<String> ROLES = Set.of("frontend", "backend", "qa", "devops", "cto");
    private static final Set<String> COMPLEXITIES = Set.of("low", "medium", "high");
    private static final Set<String> KINDS = Set.of("code", "tests", "infra", "docs");

    @Override
    public Backlog read(JsonNode json) throws InvalidOutputException {
        String architecture = Json.requiredText(json, "architecture");
        JsonNode tasks = Json.optionalArray(json, "tasks");
        if (tasks.isEmpty()) {
            throw new InvalidOutputException("field tasks is missing or empty: a backlog needs at least one task");
        }
        if (tasks.size() > MAX_TASKS) {
            throw new InvalidOutputException("the backlog has " + tasks.size() + " tasks; at most " + MAX_TASKS);
        }
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode task : tasks) {
            JsonNode id = task.get("id");
            if (id != null && id.isString() && !ids.add(id.stringValue())) {
                problems.add("duplicate task id " + id.stringValue());
            }
        }
        List<TaskDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            try {
                definitions.add(task(tasks.get(i), "tasks[" + i + "].", ids));
            } catch (InvalidOutputException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOutputException("the backlog breaks the schema: " + String.join("; ", problems));
        }
        return new Backlog(architecture, definitions);
    }

    private static TaskDefinition task(JsonNode task, String where, Set<String> ids) throws InvalidOutputException {
        if (!task.isObject()) {
            throw new InvalidOutputException(where + " is not an object");
        }
        String id = Json.requiredText(task, "id", where);
        String role = oneOf(task, "role", where, ROLES);
        String title = Json.requiredText(task, "title", where);
        String description = Json.requiredText(task, "description", where);
        List<String> criteria = Json.stringList(task, "acceptance_criteria", where, true);
        if (criteria.isEmpty()) {
            throw new InvalidOutputException("field " + where + "acceptance_criteria is empty");
        }
        List<String> dependsOn = Json.stringList(task, "depends_on", where, false);
        for (String dependency : dependsOn) {
            if (dependency.equals(id) || !ids.contains(dependency)) {
                throw new InvalidOutputException(where + "depends_on names " + dependency
                        + (dependency.equals(id) ? ", the task itself" : ", which is not a task id in this backlog"));
            }
        }
        JsonNode estimate = task.get("estimate");
        if (estimate == null
                || !estimate.isIntegralNumber()
                || estimate.asInt() < 1
                || estimate.asInt() > MAX_ESTIMATE) {
            throw new InvalidOutputException(
                    "field " + where + "estimate must be an integer from 1 to " + MAX_ESTIMATE);
        }
        String complexity = oneOf(task, "complexity", where, COMPLEXITIES);
        String kind = oneOf(task, "kind", where, KINDS);
        return new TaskDefinition(
                id,
                Role.fromRoutingKey(role),
                title,
                description,
                criteria,
                dependsOn,
                estimate.asInt(),
                Complexity.valueOf(complexity.toUpperCase(Locale.ROOT)),
                TaskKind.valueOf(kind.toUpperCase(Locale.ROOT)));
    }

    private static String oneOf(JsonNode task, String field, String where, Set<String> allowed)
            throws InvalidOutputException {
        String value = Json.requiredText(task, field, where).strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new InvalidOutputException("field " + where + field + " is '" + value + "'; allowed: "
                    + allowed.stream().sorted().toList());
        }
        return value;
    }
}
