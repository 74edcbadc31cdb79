package dev.aios.orchestrator.planning;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a proposed backlog: bounded size and text, known roles, known and acyclic dependencies. */
final class BacklogValidator {
    private static final Set<AgentRole> TASK_ROLES = Set.of(
            AgentRole.AGENT_ROLE_FRONTEND,
            AgentRole.AGENT_ROLE_BACKEND,
            AgentRole.AGENT_ROLE_QA,
            AgentRole.AGENT_ROLE_DEVOPS);

    private BacklogValidator() {}

    static List<String> problems(BacklogProposed backlog, PlannerSettings settings, int capacity) {
        var problems = new ArrayList<String>();
        List<TaskSpec> tasks = backlog.getTasksList();
        if (tasks.isEmpty()) {
            problems.add("the backlog has no tasks");
        }
        if (tasks.size() > settings.maxBacklogTasks()) {
            problems.add("the backlog has " + tasks.size() + " tasks; at most " + settings.maxBacklogTasks()
                    + " are allowed");
        }
        Map<String, TaskSpec> byId = new HashMap<>();
        for (TaskSpec t : tasks) {
            String id = t.getTaskId();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                problems.add("task id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
            } else if (id.equals(ProjectState.PLAN_TASK_ID) || id.matches("^[RD]\\d+(-\\d+)?$")) {
                problems.add("task id '" + id + "' is reserved for the orchestrator");
            }
            if (byId.put(id, t) != null) {
                problems.add("task id '" + id + "' is used twice");
            }
            if (!TASK_ROLES.contains(t.getRole())) {
                problems.add(
                        "task " + id + " has role " + t.getRole() + "; known roles are frontend, backend, qa, devops");
            }
            if (t.getTitle().isBlank() || t.getTitle().length() > settings.maxTitleLength()) {
                problems.add("task " + id + " title must be 1-" + settings.maxTitleLength() + " characters");
            }
            if (t.getDescription().length() > settings.maxDescriptionLength()) {
                problems.add("task " + id + " description exceeds " + settings.maxDescriptionLength() + " characters");
            }
            if (t.getEstimatePoints() < 1 || t.getEstimatePoints() > capacity) {
                problems.add("task " + id + " estimate must be 1-" + capacity + " points (the sprint capacity)");
            }
        }
        for (TaskSpec t : tasks) {
            for (String dep : t.getDependsOnList()) {
                if (!byId.containsKey(dep)) {
                    problems.add("task " + t.getTaskId() + " depends on unknown task '" + dep + "'");
                }
            }
        }
        cycle(byId).ifPresent(c -> problems.add("dependency cycle: " + String.join(" -> ", c)));
        return List.copyOf(problems);
    }

    private static Optional<List<String>> cycle(Map<String, TaskSpec> byId) {
        Set<String> done = new HashSet<>();
        for (String start : byId.keySet()) {
            var path = new ArrayList<String>();
            var found = visit(start, byId, done, new HashSet<>(), path);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static List<String> visit(
            String id, Map<String, TaskSpec> byId, Set<String> done, Set<String> onPath, List<String> path) {
        if (done.contains(id) || !byId.containsKey(id)) {
            return null;
        }
        path.add(id);
        if (!onPath.add(id)) {
            return List.copyOf(path.subList(path.indexOf(id), path.size()));
        }
        for (String dep : byId.get(id).getDependsOnList()) {
            var found = visit(dep, byId, done, onPath, path);
            if (found != null) {
                return found;
            }
        }
        onPath.remove(id);
        path.removeLast();
        done.add(id);
        return null;
    }
}
