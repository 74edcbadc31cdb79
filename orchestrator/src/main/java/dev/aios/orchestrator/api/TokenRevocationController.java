package dev.aios.orchestrator.api;

import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.people.TokenRevocations;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/revocations} (admins, ADR 0044): revoke every token of a subject issued until now, and list whose
 * tokens are revoked.
 */
@RestController
@RequestMapping("/api/v1/revocations")
class TokenRevocationController {
    static final int MAX_SUBJECT = 255;
    static final int MAX_REASON = 500;

    private final TokenRevocations revocations;

    TokenRevocationController(TokenRevocations revocations) {
        this.revocations = revocations;
    }

    @GetMapping
    @Operation(summary = "Whose tokens are revoked: every token of the subject issued before revokedBefore is refused")
    @LeastRole(Role.ADMIN)
    List<TokenRevocations.Revocation> list() {
        return revocations.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Revoke every token of a subject issued until now (a leaked token); tokens issued later are valid")
    @LeastRole(Role.ADMIN)
    @Refusals({400, 415})
    TokenRevocations.Revocation revoke(Caller caller, @RequestBody RevokeRequest request) {
        String subject = checked("subject", request.subject(), MAX_SUBJECT);
        String reason = checked("reason", request.reason(), MAX_REASON);
        return revocations.revoke(subject, caller.subject(), reason);
    }

    private static String checked(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw ApiProblem.badRequest(field + " must be 1-" + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest(field + " must not contain control characters");
        }
        return value;
    }

    record RevokeRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = MAX_SUBJECT,
                    description = "the tokens' sub claim, exactly as issued")
            @Nullable
            String subject,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = MAX_REASON,
                    description =
                            "why, for the admins who list revocations (not told to whoever presents a revoked token)")
            @Nullable
            String reason) {}
}
