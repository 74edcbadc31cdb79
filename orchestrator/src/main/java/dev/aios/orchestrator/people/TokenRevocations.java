package dev.aios.orchestrator.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Revoked subjects (ADR 0044): an admin revokes a person's or a client's tokens, and every token of that subject
 * issued before the revocation is refused from then on (401, saying so), on this replica at once and on the others
 * within {@code aios.security.revocation-refresh} (default 5 s). A token issued afterwards is valid: revoking is how a
 * leaked token is made useless before it expires, not how a person is locked out (the identity provider does that).
 * The bound is the next whole second, since {@code iat} counts seconds: a token issued in the second of the revocation
 * is refused too, and one without {@code iat} cannot show it is newer, so it is refused while its subject is revoked.
 */
@Component
public class TokenRevocations implements OAuth2TokenValidator<Jwt> {
    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

    /** Every token of {@code subject} issued before {@code revokedBefore} is refused. */
    public record Revocation(
            String subject, Instant revokedBefore, String revokedBy, String reason, Instant revokedAt) {}

    private final JdbcTemplate jdbc;
    private volatile Map<String, Revocation> known;

    TokenRevocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.known = load();
    }

    /** Re-reads the table, so a revocation made through another replica takes effect here. */
    @Scheduled(fixedDelayString = "${aios.security.revocation-refresh:5s}")
    void refresh() {
        try {
            known = load();
        } catch (DataAccessException e) {
            // the last revocations read stay in force; the API cannot answer without its database anyway
            log.warn(
                    "cannot re-read the token revocations, keeping the {} read before: {}",
                    known.size(),
                    e.getMessage());
        }
    }

    /** Revokes every token of {@code subject} issued until now; a second revocation moves the bound forward. */
    public Revocation revoke(String subject, String revokedBy, String reason) {
        Instant now = Instant.now();
        Instant before = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        jdbc.update("""
                INSERT INTO token_revocations (subject, revoked_before, revoked_by, reason, revoked_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (subject) DO UPDATE SET
                    revoked_before = GREATEST(token_revocations.revoked_before, EXCLUDED.revoked_before),
                    revoked_by = EXCLUDED.revoked_by, reason = EXCLUDED.reason, revoked_at = EXCLUDED.revoked_at
                """, subject, Timestamp.from(before), revokedBy, reason, Timestamp.from(now));
        known = load();
        return known.get(subject);
    }

    /** The revocations in force, the latest first. */
    public List<Revocation> list() {
        return jdbc.query(
                "SELECT subject, revoked_before, revoked_by, reason, revoked_at FROM token_revocations"
                        + " ORDER BY revoked_at DESC, subject",
                TokenRevocations::revocation);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        @Nullable Revocation revocation = token.getSubject() == null ? null : known.get(token.getSubject());
        @Nullable Instant issuedAt = token.getIssuedAt();
        if (revocation == null || (issuedAt != null && !issuedAt.isBefore(revocation.revokedBefore()))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_TOKEN,
                // who revoked it and why stay with the admins (GET /api/v1/revocations): this may be a thief
                "the token was revoked: every token of its subject issued before " + revocation.revokedBefore()
                        + " is refused, and this one was issued "
                        + (issuedAt == null ? "at no stated time" : "at " + issuedAt) + "; ask for a new token",
                null));
    }

    private Map<String, Revocation> load() {
        return list().stream().collect(Collectors.toUnmodifiableMap(Revocation::subject, Function.identity()));
    }

    private static Revocation revocation(ResultSet row, int number) throws SQLException {
        return new Revocation(
                row.getString("subject"),
                row.getTimestamp("revoked_before").toInstant(),
                row.getString("revoked_by"),
                row.getString("reason"),
                row.getTimestamp("revoked_at").toInstant());
    }
}
