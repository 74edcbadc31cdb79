package dev.aios.orchestrator.planning;

import static java.util.Objects.requireNonNull;

import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.ApprovalTimeoutAction;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One item that waited or waits for a person (ADR 0014): the request as it was made and, once decided, by whom, how
 * and with what feedback.
 */
public record Approval(ApprovalRequested request, Status status, String decidedBy, String feedback) {
    public enum Status {
        WAITING,
        GRANTED,
        REJECTED,
        TIMED_OUT
    }

    public Approval {
        requireNonNull(request, "request");
        requireNonNull(status, "status");
        requireNonNull(decidedBy, "decided by");
        requireNonNull(feedback, "feedback");
    }

    static Approval waiting(ApprovalRequested request) {
        return new Approval(request, Status.WAITING, "", "");
    }

    Approval decided(Status status, String by, String feedback) {
        return new Approval(request, status, by, feedback);
    }

    public String itemId() {
        return request.getItemId();
    }

    public ApprovalKind kind() {
        return request.getKind();
    }

    public boolean waiting() {
        return status == Status.WAITING;
    }

    /** Whether a timeout may decide {@code waiting} now with {@code action}: its deadline has passed and that is its default. */
    static boolean timedOut(Approval waiting, ApprovalTimeoutAction action, Instant now) {
        Instant deadline = waiting.deadline();
        return deadline != null && !now.isBefore(deadline) && waiting.request().getOnTimeout() == action;
    }

    /** When a timeout decides the item; null when only a person does. */
    public @Nullable Instant deadline() {
        return request.hasDeadline()
                ? Instant.ofEpochSecond(
                        request.getDeadline().getSeconds(),
                        request.getDeadline().getNanos())
                : null;
    }
}
