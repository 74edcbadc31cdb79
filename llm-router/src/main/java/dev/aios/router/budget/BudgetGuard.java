package dev.aios.router.budget;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.LlmCallException.Kind;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a call against its project's ledger before any provider sees it and settles it afterwards. In deployment mode
 * a call must name a project whose limit is known; for local development an unnamed or unlimited call runs unmetered.
 */
public final class BudgetGuard {
    private static final Logger log = LoggerFactory.getLogger(BudgetGuard.class);

    /** The guard's answer for one call. */
    public sealed interface Admission {
        /** The call's worst case is held; settle or release it once the call ends. */
        record Metered(Reservation reservation) implements Admission {}

        /** No ledger applies (local development without a project or a known limit). */
        record Unmetered(String why) implements Admission {}

        /** The call must not run; {@code status} is the HTTP status of its problem detail. */
        record Refused(Kind kind, int status, String title, String detail) implements Admission {}
    }

    private final BudgetLedger ledger;
    private final boolean deploymentMode;

    public BudgetGuard(BudgetLedger ledger, boolean deploymentMode) {
        this.ledger = requireNonNull(ledger, "ledger");
        this.deploymentMode = deploymentMode;
    }

    /** A single-process guard for local development and tests: in-memory ledger, unnamed calls allowed. */
    public static BudgetGuard local() {
        return new BudgetGuard(new InMemoryBudgetLedger(), false);
    }

    public Admission admit(CallMetadata metadata, long worstCaseMicros, String onWhat) {
        String project = metadata.projectId();
        if (project.isBlank()) {
            return deploymentMode
                    ? new Admission.Refused(
                            Kind.INVALID_REQUEST,
                            400,
                            "Project required",
                            "this router runs in deployment mode: every call must name its project (X-AIOS-Project-Id) so its budget can be held")
                    : new Admission.Unmetered("no project named");
        }
        Hold hold;
        try {
            hold = ledger.reserve(
                    project,
                    worstCaseMicros,
                    metadata.budgetLimitMicros().filter(limit -> limit > 0),
                    spentAtLeast(metadata));
        } catch (RuntimeException e) {
            log.warn("budget ledger unreachable, refusing the call of project {}: {}", project, e.toString());
            return new Admission.Refused(
                    Kind.PROVIDER_UNAVAILABLE,
                    503,
                    "Budget ledger unavailable",
                    "the router cannot hold this call's cost for project '" + project + "': " + e.getMessage());
        }
        return switch (hold) {
            case Hold.Reserved reserved -> new Admission.Metered(reserved.reservation());
            case Hold.OverBudget over ->
                new Admission.Refused(
                        Kind.BUDGET_EXHAUSTED,
                        402,
                        "Budget exhausted",
                        "project '" + project + "' has spent " + over.balance().spentMicros() + " and holds "
                                + over.balance().reservedMicros() + " for running calls of its "
                                + over.balance().limitMicros()
                                + " micro-dollars; this call may cost up to " + over.amountMicros() + " " + onWhat);
            case Hold.NoLimit none ->
                deploymentMode
                        ? new Admission.Refused(
                                Kind.INVALID_REQUEST,
                                400,
                                "Budget unknown",
                                "no budget is known for project '" + project
                                        + "': the call must carry the project's budget (X-AIOS-Budget-Micros)")
                        : new Admission.Unmetered("no budget known for project " + project);
        };
    }

    /** Charges the real cost; a ledger that cannot be reached keeps the hold until it expires (the safe side). */
    public void settle(Admission admission, long costMicros) {
        if (admission instanceof Admission.Metered metered) {
            try {
                ledger.settle(metered.reservation(), costMicros);
            } catch (RuntimeException e) {
                log.warn(
                        "cannot settle {} micro-dollars of project {} (the hold expires instead): {}",
                        costMicros,
                        metered.reservation().projectId(),
                        e.toString());
            }
        }
    }

    /** The call failed before any provider answered it: nothing is charged. */
    public void release(Admission admission) {
        settle(admission, 0);
    }

    /**
     * What the ledger holds for a project now (limit, spent, held by running calls); empty when it never metered the
     * project. A ledger that cannot be reached throws.
     */
    public Optional<Balance> balance(String projectId) {
        return ledger.find(projectId);
    }

    /** What the orchestrator had charged when it sent the task: limit minus what it said was left. */
    private static Optional<Long> spentAtLeast(CallMetadata metadata) {
        if (metadata.budgetLimitMicros().isEmpty()
                || metadata.budgetRemainingMicros().isEmpty()) {
            return Optional.empty();
        }
        long spent = metadata.budgetLimitMicros().get()
                - metadata.budgetRemainingMicros().get();
        return spent > 0 ? Optional.of(spent) : Optional.empty();
    }
}
