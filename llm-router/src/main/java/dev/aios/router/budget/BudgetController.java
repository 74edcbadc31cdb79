package dev.aios.router.budget;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/budgets/{projectId}}: what the shared ledger holds for one project, including what running calls have
 * reserved, which only the router knows. Only the services named in {@code aios.router.budget-readers} may read it.
 */
@RestController
class BudgetController {
    private static final Logger log = LoggerFactory.getLogger(BudgetController.class);
    static final int MAX_PROJECT_ID = 200;

    /** One project's ledger; {@code limitMicros} and {@code leftMicros} are null while no call has named a limit. */
    record ProjectBalance(
            String projectId,
            @Nullable Long limitMicros,
            long spentMicros,
            long reservedMicros,
            @Nullable Long leftMicros) {
        static ProjectBalance of(String projectId, Balance balance) {
            return new ProjectBalance(
                    projectId,
                    balance.knownLimitMicros(),
                    balance.spentMicros(),
                    balance.reservedMicros(),
                    balance.knownLeftMicros());
        }
    }

    private final BudgetGuard budgets;

    BudgetController(BudgetGuard budgets) {
        this.budgets = budgets;
    }

    @GetMapping(path = "/v1/budgets/{projectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> balance(@PathVariable String projectId) {
        if (projectId.isBlank()
                || projectId.length() > MAX_PROJECT_ID
                || projectId.chars().anyMatch(Character::isISOControl)) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-project-id",
                    "Invalid project id",
                    "a project id is 1 to " + MAX_PROJECT_ID + " characters without control characters",
                    false);
        }
        try {
            return budgets.balance(projectId)
                    .<ResponseEntity<?>>map(balance -> ResponseEntity.ok(ProjectBalance.of(projectId, balance)))
                    .orElseGet(() -> problem(
                            HttpStatus.NOT_FOUND,
                            "unknown-project",
                            "Unknown project",
                            "the budget ledger holds nothing for project '" + projectId
                                    + "': no call of it has been metered (or the ledger lost its state)",
                            false));
        } catch (RuntimeException e) {
            log.warn("cannot read the budget of project {}: {}", projectId, e.toString());
            return problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "budget-ledger-unavailable",
                    "Budget ledger unavailable",
                    "the router cannot read the budget ledger: " + e.getMessage(),
                    true);
        }
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String type, String title, String detail, boolean retriable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://aios.dev/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("retriable", retriable);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
