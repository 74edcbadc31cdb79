package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.ApprovalTimeoutAction;
import dev.aios.events.v1.BacklogRejected;
import java.time.Instant;
import java.util.List;

/**
 * A person (or a deadline whose default is reject) turned a waiting item down: the feedback goes back to whoever made
 * it. The CTO re-plans the backlog with the feedback among the rejection reasons; a sprint's plan is made again,
 * without the tasks the person left out and what depends on them ({@link SprintDeferral}), and waits again, its tasks
 * carrying the feedback when they are sent; a risky change's task is assigned again with the
 * feedback in its context, and its new changeset comes back. An item already decided is decided once only.
 */
final class WhenApprovalRejectedThenSendBack implements Reaction<ApprovalRejected> {
    private final Dispatch dispatch;
    private final Replanning replanning;

    WhenApprovalRejectedThenSendBack(Dispatch dispatch, Replanning replanning) {
        this.dispatch = dispatch;
        this.replanning = replanning;
    }

    /** The API refused a bad deferral before it was decided; one that slips through (none can today) defers nothing. */
    private static List<String> stayingOf(ProjectState state, Approval plan, ApprovalRejected e) {
        try {
            return SprintDeferral.remaining(state, plan, e.getDeferTaskIdsList());
        } catch (IllegalArgumentException refused) {
            return plan.request().getSprintTaskIdsList();
        }
    }

    @Override
    public Decision decide(ProjectState state, ApprovalRejected e, Instant now) {
        Approval waiting = state.waitingApproval(e.getItemId()).orElse(null);
        if (waiting == null
                || state.terminal()
                || (e.getTimedOut()
                        && !Approval.timedOut(waiting, ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_REJECT, now))) {
            return Decision.none(state);
        }
        var out = new Emissions(state, now);
        out.emit(e);
        String reason = (e.getTimedOut() ? "the approval deadline passed: " : e.getRejectedBy() + " rejected it: ")
                + e.getFeedback();
        switch (waiting.kind()) {
            case APPROVAL_KIND_BACKLOG -> {
                int attempt = out.state().planAttempt();
                List<String> reasons = List.of("a person rejected the backlog: " + reason);
                out.emit(BacklogRejected.newBuilder()
                        .setProjectId(out.state().projectId())
                        .setAttempt(attempt)
                        .addAllReasons(reasons)
                        .setFinal(replanning.lastAttempt(out.state(), attempt))
                        .build());
                replanning.replanOrStop(out, attempt, reasons);
            }
            case APPROVAL_KIND_SPRINT -> {
                List<String> stay = stayingOf(state, waiting, e);
                List<String> left = waiting.request().getSprintTaskIdsList().stream()
                        .filter(id -> !stay.contains(id))
                        .toList();
                Approvals.requestSprint(
                        out,
                        stay,
                        List.of("planned again after the previous plan was rejected (" + reason + ")"
                                + (left.isEmpty()
                                        ? "; its tasks carry the feedback"
                                        : "; left out for a later sprint: " + String.join(", ", left)
                                                + "; the tasks carry the feedback")));
            }
            case APPROVAL_KIND_RISKY_CHANGE -> dispatch.dispatchReady(out);
            default -> throw new IllegalStateException("approval of unknown kind " + waiting.kind());
        }
        return out.decision();
    }
}
