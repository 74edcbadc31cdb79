package dev.aios.orchestrator.api;

import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.planning.Approval;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.SprintDeferral;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What waits for a person, and their decision (ADR 0014). The list is folded from the project's stream, so every
 * replica answers the same; a decision is an event through the planner, which decides an item once: a second decision
 * on it appends nothing and answers 409, whichever replica took the first.
 */
@RestController
@RequestMapping("/api/v1/projects/{id}/approvals")
class ApprovalController {
    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    static final int MAX_FEEDBACK = 4000;
    static final int MAX_DEFERRED = 200;

    private final ProjectDecisions decisions;
    private final ProjectQueries queries;
    private final EventStore store;

    ApprovalController(ProjectDecisions decisions, ProjectQueries queries, EventStore store) {
        this.decisions = decisions;
        this.queries = queries;
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "What waited or waits for a person: WAITING, GRANTED, REJECTED or TIMED_OUT")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    List<ProjectViews.Approval> list(Caller caller, @PathVariable UUID id) {
        return state(caller, id).approvals().values().stream()
                .map(ApprovalController::view)
                .toList();
    }

    @PostMapping("/{item}/grant")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Approve a waiting item: the project goes on as it would have without approvals")
    @LeastRole(Role.SUBMITTER)
    @Refusals({400, 404, 409})
    ResponseEntity<ProjectViews.Approval> grant(Caller caller, @PathVariable UUID id, @PathVariable String item) {
        waiting(caller, id, item);
        var outcome = decisions.handle(
                id,
                ApprovalGranted.newBuilder()
                        .setProjectId(id.toString())
                        .setItemId(item)
                        .setGrantedBy(caller.subject())
                        .build(),
                null);
        return decided(outcome, id, item);
    }

    @PostMapping(path = "/{item}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reject a waiting item with feedback: it goes back to the CTO or the agent with it")
    @LeastRole(Role.SUBMITTER)
    @Refusals({400, 404, 409, 415})
    ResponseEntity<ProjectViews.Approval> reject(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String item,
            @RequestBody ProjectViews.RejectRequest request) {
        String feedback = request.feedback();
        if (feedback == null || feedback.isBlank() || feedback.length() > MAX_FEEDBACK) {
            throw ApiProblem.badRequest("feedback must be 1-" + MAX_FEEDBACK + " characters");
        }
        if (feedback.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiProblem.badRequest("feedback must not contain control characters other than tab and line breaks");
        }
        List<String> deferred = request.deferTasks() == null ? List.of() : request.deferTasks();
        if (deferred.size() > MAX_DEFERRED
                || deferred.stream().anyMatch(t -> t == null || !ITEM.matcher(t).matches())) {
            throw ApiProblem.badRequest("deferTasks holds at most " + MAX_DEFERRED
                    + " task ids of 1-100 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        ProjectState state = waiting(caller, id, item);
        try {
            SprintDeferral.remaining(state, state.approvals().get(item), deferred);
        } catch (IllegalArgumentException refused) {
            throw ApiProblem.badRequest(refused.getMessage());
        }
        var outcome = decisions.handle(
                id,
                ApprovalRejected.newBuilder()
                        .setProjectId(id.toString())
                        .setItemId(item)
                        .setRejectedBy(caller.subject())
                        .setFeedback(feedback)
                        .addAllDeferTaskIds(deferred.stream().distinct().toList())
                        .build(),
                null);
        return decided(outcome, id, item);
    }

    private ProjectState waiting(Caller caller, UUID id, String item) {
        if (!ITEM.matcher(item).matches()) {
            throw ApiProblem.badRequest("item must be 1-100 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        ProjectState state = state(caller, id);
        Approval approval = state.approvals().get(item);
        if (approval == null) {
            throw ApiProblem.notFound("project " + id + " has no approval item " + item);
        }
        if (!approval.waiting()) {
            throw ApiProblem.conflict(item + " is already " + approval.status() + decidedBy(approval));
        }
        if (state.terminal()) {
            throw ApiProblem.conflict("project " + id + " is " + state.status() + ": nothing waits any more");
        }
        return state;
    }

    private static ResponseEntity<ProjectViews.Approval> decided(
            ProjectDecisions.Outcome outcome, UUID id, String item) {
        Approval after = outcome.state().approvals().get(item);
        if (outcome.appended().isEmpty() || after == null) {
            // another decision on the item won meanwhile, on this replica or another
            String now = after == null ? "decided" : after.status() + decidedBy(after);
            throw ApiProblem.conflict(item + " of project " + id + " was decided meanwhile: " + now);
        }
        return ResponseEntity.accepted().body(view(after));
    }

    private ProjectState state(Caller caller, UUID id) {
        queries.project(caller, id).orElseThrow(() -> ApiProblem.notFound("no project " + id));
        return ProjectState.from(store.readStream(ProjectDecisions.streamOf(id)).stream()
                .map(e -> EventCodec.unwrap(e.envelope()))
                .toList());
    }

    private static String decidedBy(Approval a) {
        return a.decidedBy().isEmpty() ? "" : " by " + a.decidedBy();
    }

    static ProjectViews.Approval view(Approval a) {
        var request = a.request();
        String kind = switch (a.kind()) {
            case APPROVAL_KIND_BACKLOG -> "backlog";
            case APPROVAL_KIND_SPRINT -> "sprint";
            case APPROVAL_KIND_RISKY_CHANGE -> "risky-change";
            default -> "unknown";
        };
        return new ProjectViews.Approval(
                a.itemId(),
                kind,
                a.status().name(),
                request.getWhatList(),
                request.getWhyList(),
                request.getTaskId().isEmpty() ? null : request.getTaskId(),
                a.deadline(),
                a.decidedBy().isEmpty() ? null : a.decidedBy(),
                a.feedback().isEmpty() ? null : a.feedback(),
                request.getSprintTaskIdsList());
    }
}
