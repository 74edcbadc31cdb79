package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.events.v1.*;
import java.time.Instant;

/**
 * The pure sprint planner: (state from prior events, incoming event) → new events and commands, and the state they
 * lead to. Each incoming event type has its own {@code When<Event>Then<Action>} reaction; they share the package's
 * small collaborators ({@link Dispatch}, {@link Sprints}, {@link Retries}, {@link Replanning}, {@link Halts}), and every
 * output is evolved into the state as it is emitted, so later steps of one decision see earlier ones. The state passed
 * in is never changed.
 */
public final class SprintPlanner {
    private final WhenProjectSubmittedThenPlan projectSubmitted = new WhenProjectSubmittedThenPlan();
    private final WhenBacklogProposedThenAcceptOrReject backlogProposed;
    private final WhenTaskStartedThenRecord taskStarted = new WhenTaskStartedThenRecord();
    private final WhenTaskCompletedThenDispatchNext taskCompleted;
    private final WhenTaskFailedThenRetryOrAbandon taskFailed;
    private final WhenLeaseExpiredThenReassign leaseExpired;
    private final WhenLlmCallCompletedThenChargeBudget llmCallCompleted = new WhenLlmCallCompletedThenChargeBudget();
    private final WhenBudgetChangedThenPauseOrResume budgetChanged;
    private final WhenStopRequestedThenStop stopRequested = new WhenStopRequestedThenStop();
    private final WhenApprovalGrantedThenProceed approvalGranted;
    private final WhenApprovalRejectedThenSendBack approvalRejected;

    public SprintPlanner(PlannerSettings settings) {
        var dispatch = new Dispatch(settings);
        var sprints = new Sprints(settings, dispatch);
        var retries = new Retries(settings, dispatch, sprints);
        var replanning = new Replanning(settings);
        this.backlogProposed = new WhenBacklogProposedThenAcceptOrReject(settings, sprints, replanning);
        this.taskCompleted = new WhenTaskCompletedThenDispatchNext(
                ChangesetValidator.withDefaults(), dispatch, sprints, retries, settings.riskyChanges());
        this.approvalGranted = new WhenApprovalGrantedThenProceed(dispatch, sprints);
        this.approvalRejected = new WhenApprovalRejectedThenSendBack(dispatch, replanning);
        this.taskFailed = new WhenTaskFailedThenRetryOrAbandon(replanning, retries);
        this.leaseExpired = new WhenLeaseExpiredThenReassign(retries);
        this.budgetChanged = new WhenBudgetChangedThenPauseOrResume(dispatch);
    }

    public Decision decide(ProjectState state, Message incoming, Instant now) {
        return switch (incoming) {
            case ProjectSubmitted e -> projectSubmitted.decide(state, e, now);
            case BacklogProposed e -> backlogProposed.decide(state, e, now);
            case TaskStarted e -> taskStarted.decide(state, e, now);
            case TaskCompleted e -> taskCompleted.decide(state, e, now);
            case TaskFailed e -> taskFailed.decide(state, e, now);
            case TaskLeaseExpired e -> leaseExpired.decide(state, e, now);
            case LlmCallCompleted e -> llmCallCompleted.decide(state, e, now);
            case BudgetChanged e -> budgetChanged.decide(state, e, now);
            case ProjectStopped e -> stopRequested.decide(state, e, now);
            case ApprovalGranted e -> approvalGranted.decide(state, e, now);
            case ApprovalRejected e -> approvalRejected.decide(state, e, now);
            default -> Decision.none(state);
        };
    }
}
