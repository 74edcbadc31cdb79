package dev.aios.orchestrator.api;

import dev.aios.events.v1.BudgetChanged;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.events.v1.ProjectSubmitted;
import dev.aios.events.v1.StopCause;
import dev.aios.orchestrator.budget.RouterLedger;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submit, inspect, stop and fund projects. Every change goes through the planner as an event. A project belongs to
 * its submitter's tenant; another tenant's project answers 404, as if it did not exist (ADR 0040).
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {
    private final ProjectDecisions decisions;
    private final ProjectQueries queries;
    private final RouterLedger ledger;

    ProjectController(ProjectDecisions decisions, ProjectQueries queries, RouterLedger ledger) {
        this.decisions = decisions;
        this.queries = queries;
        this.ledger = ledger;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit a project brief; planning starts")
    @LeastRole(Role.SUBMITTER)
    @Refusals({400, 415})
    ResponseEntity<ProjectViews.Accepted> submit(Caller caller, @RequestBody SubmitProjectRequest request) {
        request.validate();
        UUID id = UUID.randomUUID();
        decisions.handle(
                id,
                ProjectSubmitted.newBuilder()
                        .setProjectId(id.toString())
                        .setName(request.name())
                        .setBrief(request.brief())
                        .setBudgetMicros(request.budgetMicros())
                        .setOptions(request.projectOptions())
                        .setSubmittedBy(caller.subject())
                        .setTenant(caller.tenant())
                        .build(),
                null);
        String location = "/api/v1/projects/" + id;
        return ResponseEntity.accepted()
                .location(URI.create(location))
                .body(new ProjectViews.Accepted(id, location, location + "/events"));
    }

    @GetMapping
    @Operation(summary = "List projects, newest first")
    @LeastRole(Role.VIEWER)
    @Refusals(400)
    ProjectViews.Page<ProjectViews.Project> list(
            Caller caller, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ApiProblem.badRequest("page must be >= 0 and size 1-100");
        }
        return queries.projects(caller, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status, sprint, progress and cost of a project")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    ProjectViews.Project get(Caller caller, @PathVariable UUID id) {
        return queries.project(caller, id).orElseThrow(() -> ApiProblem.notFound("no project " + id));
    }

    @GetMapping("/{id}/budget")
    @Operation(
            summary = "The budget as a gauge: spent, reserved by running calls (from the LLM router) and left",
            description = "Reserved is null, and the view says why, when the router is not configured or cannot be"
                    + " reached; the rest is always answered.")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    ProjectViews.Budget budget(Caller caller, @PathVariable UUID id) {
        return ProjectViews.Budget.of(get(caller, id).cost(), ledger.read(id));
    }

    @GetMapping("/{id}/tasks")
    @Operation(summary = "The project's tasks")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    List<ProjectViews.Task> tasks(Caller caller, @PathVariable UUID id) {
        get(caller, id);
        return queries.tasks(id);
    }

    @GetMapping("/{id}/sprints")
    @Operation(summary = "The project's sprints")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    List<ProjectViews.Sprint> sprints(Caller caller, @PathVariable UUID id) {
        get(caller, id);
        return queries.sprints(id);
    }

    @PostMapping("/{id}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Stop the project (ProjectStopped, cause USER)")
    @LeastRole(Role.SUBMITTER)
    @Refusals({400, 404, 409})
    ResponseEntity<ProjectViews.Project> stop(Caller caller, @PathVariable UUID id) {
        ProjectViews.Project project = get(caller, id);
        var outcome = decisions.handle(
                id,
                ProjectStopped.newBuilder()
                        .setProjectId(id.toString())
                        .setCause(StopCause.STOP_CAUSE_USER)
                        .setReason("stopped by a person")
                        .setStoppedBy(caller.subject())
                        .build(),
                null);
        if (outcome.appended().isEmpty()) {
            throw ApiProblem.conflict("project " + id + " is " + project.status() + " and cannot be stopped");
        }
        return ResponseEntity.accepted().body(get(caller, id));
    }

    @PostMapping(path = "/{id}/budget", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Change the budget; raising it resumes a paused project")
    @LeastRole(Role.SUBMITTER)
    @Refusals({400, 404, 409, 415})
    ResponseEntity<ProjectViews.Project> budget(
            Caller caller, @PathVariable UUID id, @RequestBody ProjectViews.BudgetRequest request) {
        if (request.budgetMicros() == null
                || request.budgetMicros() <= 0
                || request.budgetMicros() > SubmitProjectRequest.MAX_BUDGET_MICROS) {
            throw ApiProblem.badRequest("budgetMicros must be between 1 and " + SubmitProjectRequest.MAX_BUDGET_MICROS);
        }
        ProjectViews.Project project = get(caller, id);
        var outcome = decisions.handle(
                id,
                BudgetChanged.newBuilder()
                        .setProjectId(id.toString())
                        .setBudgetMicros(request.budgetMicros())
                        .setChangedBy(caller.subject())
                        .build(),
                null);
        if (outcome.appended().isEmpty()) {
            throw ApiProblem.conflict("project " + id + " is " + project.status() + " and its budget cannot change");
        }
        return ResponseEntity.accepted().body(get(caller, id));
    }
}
