package dev.aios.orchestrator.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import dev.aios.orchestrator.support.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An admin revokes a subject's tokens through the API (ADR 0044): the tokens issued before are refused with a 401 that
 * says so, a token issued afterwards works, a revocation made through another replica takes effect at the next
 * refresh, and bad input changes nothing. Each test revokes a subject of its own.
 */
class TokenRevocationIT extends OrchestratorIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TokenRevocations revocations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRevokedSubjectsOlderTokenIsRefusedAndANewOneWorks() throws Exception {
        // given a submitter's token that works
        String subject = "leaky-" + UUID.randomUUID();
        String leaked = tokenIssuedAt(subject, Instant.now().minusSeconds(60));
        assertThat(get("/api/v1/projects", leaked).statusCode()).isEqualTo(200);

        // when an admin revokes the subject
        HttpResponse<String> revoked =
                post("/api/v1/revocations", "{\"subject\":\"" + subject + "\",\"reason\":\"token pasted in a chat\"}");

        // then the leaked token is refused, saying why but not who revoked it or their reason
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(201);
        assertThat(revoked.body()).contains("\"revokedBy\":\"test-admin\"", "\"reason\":\"token pasted in a chat\"");
        HttpResponse<String> refused = get("/api/v1/projects", leaked);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("the token was revoked").doesNotContain("chat", "test-admin");
        // and a token issued after the revocation works, as does every other subject's
        Instant bound = revocations.list().stream()
                .filter(r -> r.subject().equals(subject))
                .findFirst()
                .orElseThrow()
                .revokedBefore();
        assertThat(get("/api/v1/projects", tokenIssuedAt(subject, bound)).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/projects", TestTokens.token("someone-else", TestTokens.TENANT, "viewer"))
                        .statusCode())
                .isEqualTo(200);
        // and the admins see it listed
        assertThat(get("/api/v1/revocations", TestTokens.admin()).body()).contains("\"subject\":\"" + subject + "\"");
    }

    @Test
    void aTokenWithoutAnIssueTimeIsRefusedWhileItsSubjectIsRevoked() throws Exception {
        // given
        String subject = "no-iat-" + UUID.randomUUID();
        String token = TestTokens.sign(TestTokens.claims(subject, TestTokens.TENANT, "viewer")
                .issueTime(null)
                .build());
        assertThat(get("/api/v1/projects", token).statusCode()).isEqualTo(200);
        // when
        revocations.revoke(subject, "test", "it cannot show it is newer");
        // then
        HttpResponse<String> refused = get("/api/v1/projects", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("issued at no stated time");
    }

    @Test
    void aRevocationMadeThroughAnotherReplicaTakesEffectAtTheNextRefresh() throws Exception {
        // given a token in use, and a revocation another replica wrote to the shared database
        String subject = "elsewhere-" + UUID.randomUUID();
        String token = tokenIssuedAt(subject, Instant.now().minusSeconds(5));
        assertThat(get("/api/v1/projects", token).statusCode()).isEqualTo(200);
        jdbc.update(
                "INSERT INTO token_revocations (subject, revoked_before, revoked_by, reason, revoked_at)"
                        + " VALUES (?, ?, 'other-admin', 'revoked through replica B', now())",
                subject,
                Timestamp.from(Instant.now().plusSeconds(1)));
        // when this replica refreshes (every aios.security.revocation-refresh)
        revocations.refresh();
        // then
        assertThat(get("/api/v1/projects", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aRevocationWithoutASubjectOrReasonOrWithControlCharactersIsA400AndChangesNothing() throws Exception {
        int before = revocations.list().size();
        for (String body : new String[] {
            "{\"reason\":\"no subject\"}",
            "{\"subject\":\"  \",\"reason\":\"blank\"}",
            "{\"subject\":\"bob\"}",
            "{\"subject\":\"bob\\u0000\",\"reason\":\"a NUL\"}",
            "{\"subject\":\"" + "s".repeat(256) + "\",\"reason\":\"too long\"}",
            "not json"
        }) {
            HttpResponse<String> response = post("/api/v1/revocations", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(revocations.list()).hasSize(before);
    }

    private static String tokenIssuedAt(String subject, Instant issuedAt) {
        return TestTokens.sign(TestTokens.claims(subject, TestTokens.TENANT, "submitter")
                .issueTime(Date.from(issuedAt))
                .build());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(java.net.URI.create(url(path)))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, @Nullable String json) throws Exception {
        return HTTP.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
