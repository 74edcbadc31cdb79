package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalTimeoutAction;
import java.time.Instant;

/**
 * A person (or a deadline whose default is grant) approved a waiting item: the project goes on exactly as it would have
 * without approvals: the backlog is accepted, the sprint planned, the risky change applied as its task's result. An item
 * already decided is decided once only; the second decision is refused by deciding nothing.
 */
final class WhenApprovalGrantedThenProceed implements Reaction<ApprovalGranted> {
    private final Dispatch dispatch;
    private final Sprints sprints;

    WhenApprovalGrantedThenProceed(Dispatch dispatch, Sprints sprints) {
        this.dispatch = dispatch;
        this.sprints = sprints;
    }

    @Override
    public Decision decide(ProjectState state, ApprovalGranted e, Instant now) {
        Approval waiting = state.waitingApproval(e.getItemId()).orElse(null);
        if (waiting == null
                || state.terminal()
                || (e.getTimedOut()
                        && !Approval.timedOut(waiting, ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_GRANT, now))) {
            return Decision.none(state);
        }
        var out = new Emissions(state, now);
        out.emit(e);
        switch (waiting.kind()) {
            case APPROVAL_KIND_BACKLOG -> sprints.accept(out, out.state().lastProposal());
            case APPROVAL_KIND_SPRINT -> sprints.open(out, waiting.request().getSprintTaskIdsList());
            case APPROVAL_KIND_RISKY_CHANGE -> {
                out.emit(waiting.request().getChange());
                dispatch.dispatchReady(out);
            }
            default -> throw new IllegalStateException("approval of unknown kind " + waiting.kind());
        }
        return out.decision();
    }
}
