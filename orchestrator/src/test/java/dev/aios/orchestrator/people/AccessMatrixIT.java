package dev.aios.orchestrator.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.aios.events.v1.Envelope;
import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import dev.aios.orchestrator.support.TestTokens;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the orchestrator against every kind of caller (ADR 0040): no token, each role, another tenant,
 * and tokens that must not pass (forged, expired, wrong issuer or audience, unsigned).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends OrchestratorIntegrationTest {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String OTHER_TENANT = "globex";
    private static final String QUEUE = "aios.agent.qa.dlq";
    private static final String ITEM = "backlog-1";
    private static final String NO_COMMIT = "0".repeat(40);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String ownProject = "";
    private String otherProject = "";

    /** One endpoint: method, path ({own} = a project of the caller's tenant), body, and the least role it needs. */
    record Endpoint(
            String method,
            String path,
            @Nullable String json,
            @Nullable Role least,
            Set<Integer> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean projectScoped() {
            return path.contains("{own}");
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/projects", null, Role.VIEWER, Set.of(200)),
            new Endpoint(
                    "POST",
                    "/api/v1/projects",
                    "{\"name\":\"matrix\",\"brief\":\"b\",\"budgetMicros\":100}",
                    Role.SUBMITTER,
                    Set.of(202)),
            new Endpoint("GET", "/api/v1/projects/{own}", null, Role.VIEWER, Set.of(200)),
            new Endpoint("GET", "/api/v1/projects/{own}/tasks", null, Role.VIEWER, Set.of(200)),
            new Endpoint("GET", "/api/v1/projects/{own}/sprints", null, Role.VIEWER, Set.of(200)),
            new Endpoint("GET", "/api/v1/projects/{own}/events", null, Role.VIEWER, Set.of(200)),
            new Endpoint("GET", "/api/v1/projects/{own}/repository", null, Role.VIEWER, Set.of(200)),
            // the project may already be stopped by an earlier row: 409 also shows the request passed the access rules
            new Endpoint(
                    "POST",
                    "/api/v1/projects/{own}/budget",
                    "{\"budgetMicros\":200}",
                    Role.SUBMITTER,
                    Set.of(202, 409)),
            new Endpoint("POST", "/api/v1/projects/{own}/stop", null, Role.SUBMITTER, Set.of(202, 409)),
            new Endpoint("GET", "/api/v1/agents", null, Role.OPERATOR, Set.of(200)),
            new Endpoint("GET", "/api/v1/dlq", null, Role.OPERATOR, Set.of(200)),
            new Endpoint("GET", "/api/v1/dlq/" + QUEUE, null, Role.OPERATOR, Set.of(200)),
            new Endpoint("POST", "/api/v1/dlq/" + QUEUE + "/redrive?max=1", null, Role.OPERATOR, Set.of(200)),
            // rows above are used by index in the tests below; new rows go here
            new Endpoint("GET", "/api/v1/projects/{own}/approvals", null, Role.VIEWER, Set.of(200)),
            // the project waits for nothing: "no approval item" (404) shows the request passed the access rules
            new Endpoint(
                    "POST", "/api/v1/projects/{own}/approvals/" + ITEM + "/grant", null, Role.SUBMITTER, Set.of(404)),
            new Endpoint(
                    "POST",
                    "/api/v1/projects/{own}/approvals/" + ITEM + "/reject",
                    "{\"feedback\":\"no\"}",
                    Role.SUBMITTER,
                    Set.of(404)),
            new Endpoint("GET", "/api/v1/projects/{own}/agui", null, Role.VIEWER, Set.of(200)),
            new Endpoint("GET", "/api/v1/projects/{own}/budget", null, Role.VIEWER, Set.of(200)),
            new Endpoint("GET", "/api/v1/projects/{own}/repository/commits", null, Role.VIEWER, Set.of(200)),
            // the project has no commit: a 404 naming the commit shows the request passed the access rules
            new Endpoint(
                    "GET", "/api/v1/projects/{own}/repository/commits/" + NO_COMMIT, null, Role.VIEWER, Set.of(404)),
            new Endpoint("GET", "/api/v1/revocations", null, Role.ADMIN, Set.of(200)),
            // a subject no test signs in as, so revoking it refuses none of the tokens the other rows send
            new Endpoint(
                    "POST",
                    "/api/v1/revocations",
                    "{\"subject\":\"matrix-revoked\",\"reason\":\"the access matrix\"}",
                    Role.ADMIN,
                    Set.of(201)),
            new Endpoint("GET", "/actuator/health", null, Role.OPERATOR, Set.of(200)),
            new Endpoint("GET", "/actuator/info", null, Role.OPERATOR, Set.of(200)),
            new Endpoint(
                    "GET",
                    "/actuator/prometheus",
                    null,
                    Role.OPERATOR,
                    Set.of(200, 404)), // 404: metrics export is off in tests
            new Endpoint("GET", "/actuator/health/liveness", null, null, Set.of(200)),
            new Endpoint("GET", "/actuator/health/readiness", null, null, Set.of(200)),
            // the board's page and modules hold no data: every call they make carries the person's token
            new Endpoint("GET", "/", null, null, Set.of(200)),
            new Endpoint("GET", "/board/app.js", null, null, Set.of(200)),
            new Endpoint("GET", "/board/board.css", null, null, Set.of(200)),
            new Endpoint("GET", "/v3/api-docs", null, null, Set.of(200)));

    @BeforeAll
    void projectsInTwoTenants() throws Exception {
        ownProject = submit(TestTokens.token("alice", TestTokens.TENANT, "submitter"), "acme-project");
        otherProject = submit(TestTokens.token("bob", OTHER_TENANT, "submitter"), "globex-project");
    }

    static Stream<Endpoint> protectedEndpoints() {
        return ENDPOINTS.stream().filter(e -> e.least() != null);
    }

    static Stream<Arguments> endpointsAndRoles() {
        return ENDPOINTS.stream().flatMap(e -> Stream.of(Role.values()).map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} without a token: 401")
    @MethodSource("protectedEndpoints")
    void refusesARequestWithoutAToken(Endpoint endpoint) throws Exception {
        // when
        Reply reply = send(endpoint, ownProject, null);
        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"title\":\"Authentication required\"", "Authorization: Bearer");
        assertThat(reply.challenge()).startsWith("Bearer");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void answersEachRoleAsTheMatrixSays(Endpoint endpoint, Role role) throws Exception {
        // given
        String token = TestTokens.token("someone-" + role.claimValue(), TestTokens.TENANT, role.claimValue());
        // when
        Reply reply = send(endpoint, ownProject, token);
        // then
        if (endpoint.least() == null || role.compareTo(endpoint.least()) >= 0) {
            assertThat(reply.status()).as(reply.body()).isIn(endpoint.allowed());
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).contains("\"title\":\"Forbidden\"", "do not allow " + endpoint.method());
        }
    }

    @ParameterizedTest(name = "{0} of another tenant's project: 404")
    @MethodSource("protectedEndpoints")
    void answersAnotherTenantsProjectAsIfItDidNotExist(Endpoint endpoint) throws Exception {
        if (!endpoint.projectScoped()) {
            return; // not about one project
        }
        // given: an operator of acme, who may do everything to acme's projects
        String token = TestTokens.token("carol", TestTokens.TENANT, "operator");
        // when
        Reply reply = send(endpoint, otherProject, token);
        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.body()).contains("no project " + otherProject);
    }

    @Test
    void theBoardIsServedWithoutATokenUnderAPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
        // when
        Reply page = send(new Endpoint("GET", "/", null, null, Set.of(200)), ownProject, null);
        var module = http.send(
                HttpRequest.newBuilder(java.net.URI.create(url("/board/app.js")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("<script type=\"module\" src=\"/board/app.js\"></script>")
                .doesNotContain(ownProject);
        assertThat(page.policy())
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(module.headers().firstValue("Content-Security-Policy")).hasValue(page.policy());
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerSchemeAndTheMatrixCoversEveryOperationWithTheRoleItStates()
            throws Exception {
        // given the document, read without a token
        JsonNode doc = JsonMapper.shared()
                .readTree(send(ENDPOINTS.getLast(), ownProject, null).body());
        // then it declares the scheme, the 401 and 403 problems
        JsonNode scheme = doc.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.at("/components/responses/Unauthorized/content").has("application/problem+json"))
                .isTrue();
        assertThat(doc.at("/components/responses/Forbidden/content").has("application/problem+json"))
                .isTrue();
        // and every operation it documents is a row of this matrix, with the least role the matrix proved
        Map<String, String> documented = new TreeMap<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> documented.put(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                op.getValue().path("x-aios-least-role").asString(""))));
        Map<String, String> tested = new TreeMap<>();
        ENDPOINTS.stream()
                .filter(e -> e.path().startsWith("/api/"))
                .forEach(e -> tested.put(
                        e.method() + " "
                                + e.path()
                                        .replace("{own}", "{id}")
                                        .replaceAll("\\?.*", "")
                                        .replace(QUEUE, "{queue}")
                                        .replace(ITEM, "{item}")
                                        .replace(NO_COMMIT, "{sha}"),
                        e.least().claimValue()));
        assertThat(documented).isNotEmpty().isEqualTo(tested);
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(
                                op -> assertThat(op.getValue().path("responses").propertyNames())
                                        .as(op.getKey() + " " + path.getKey())
                                        .contains("401", "403")));
    }

    @Test
    void anAdminReachesEveryTenantsProjects() throws Exception {
        Reply reply = send(ENDPOINTS.get(2), otherProject, TestTokens.token("root", TestTokens.TENANT, "admin"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"tenant\":\"globex\"", "\"submittedBy\":\"bob\"");
    }

    @Test
    void listsOnlyTheCallersTenantsProjectsButAllToAnAdmin() throws Exception {
        Reply viewer = send(ENDPOINTS.get(0), ownProject, TestTokens.token("dave", TestTokens.TENANT, "viewer"));
        assertThat(viewer.body())
                .contains(ownProject)
                .doesNotContain(otherProject)
                .doesNotContain("\"tenant\":\"globex\"");
        Reply admin = send(
                new Endpoint("GET", "/api/v1/projects?size=100", null, Role.VIEWER, Set.of(200)),
                ownProject,
                TestTokens.admin());
        assertThat(admin.body()).contains(ownProject, otherProject);
    }

    @Test
    void recordsTheSubmittersSubjectAndTenantOnTheProject() throws Exception {
        Reply reply = send(ENDPOINTS.get(2), ownProject, TestTokens.token("erin", TestTokens.TENANT, "viewer"));
        assertThat(reply.body()).contains("\"tenant\":\"acme\"", "\"submittedBy\":\"alice\"");
        Reply events = send(
                new Endpoint("GET", "/api/v1/projects/{own}/events", null, Role.VIEWER, Set.of(200)),
                ownProject,
                TestTokens.admin(),
                true);
        assertThat(events.body()).contains("\"submittedBy\":\"alice\"", "\"tenant\":\"acme\"");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TokensThatMustNotPass {
        static Stream<Arguments> badTokens() {
            Instant past = Instant.now().minus(Duration.ofHours(1));
            JWTClaimsSet valid =
                    TestTokens.claims("mallory", TestTokens.TENANT, "admin").build();
            return Stream.of(
                    Arguments.of("signed by another key", TestTokens.forged(valid)),
                    Arguments.of(
                            "expired",
                            TestTokens.sign(TestTokens.claims("mallory", TestTokens.TENANT, "admin")
                                    .issueTime(Date.from(past.minus(Duration.ofHours(1))))
                                    .expirationTime(Date.from(past))
                                    .build())),
                    Arguments.of(
                            "from another issuer",
                            TestTokens.sign(TestTokens.claims("mallory", TestTokens.TENANT, "admin")
                                    .issuer("https://evil.example/realms/aios")
                                    .build())),
                    Arguments.of(
                            "for another audience",
                            TestTokens.sign(TestTokens.claims("mallory", TestTokens.TENANT, "admin")
                                    .audience("another-service")
                                    .build())),
                    Arguments.of("alg none", TestTokens.unsigned(valid)),
                    Arguments.of(
                            "without a tenant",
                            TestTokens.sign(TestTokens.claims("mallory", TestTokens.TENANT, "admin")
                                    .claim("tenant", null)
                                    .build())),
                    Arguments.of("not a JWT", "not-a-token"));
        }

        @ParameterizedTest(name = "a token {0}: 401")
        @MethodSource("badTokens")
        void refusesIt(String what, String token) throws Exception {
            Reply reply = send(ENDPOINTS.get(0), ownProject, token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).contains("the bearer token was refused");
            assertThat(reply.challenge()).contains("invalid_token");
        }

        @Test
        void aRoleInAClaimTheConfigurationDoesNotNameGrantsNothing() throws Exception {
            // given: a viewer whose token also says admin in claims other than the configured roles claim
            String token = TestTokens.sign(TestTokens.claims("mallory", TestTokens.TENANT, "viewer")
                    .claim("scope", "admin operator")
                    .claim("role", "admin")
                    .claim("groups", List.of("admin"))
                    .claim("realm_access", java.util.Map.of("roles", List.of("admin")))
                    .build());
            // when / then
            assertThat(send(ENDPOINTS.get(9), ownProject, token).status()).isEqualTo(403);
            assertThat(send(ENDPOINTS.get(0), ownProject, token).status()).isEqualTo(200);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DeadLettersByTenant {
        @Test
        void anOperatorSeesAndRedrivesOnlyItsTenantsDeadLetters() throws Exception {
            // given: one dead letter of acme's project and one of globex's, both in the queue (confirmed)
            try (Connection connection = rabbit();
                    Channel channel = connection.createChannel()) {
                channel.queuePurge(QUEUE);
                channel.confirmSelect();
                deadLetter(channel, ownProject);
                deadLetter(channel, otherProject);
                channel.waitForConfirmsOrDie(10_000);
                try {
                    String acme = TestTokens.token("olivia", TestTokens.TENANT, "operator");
                    String globex = TestTokens.token("oscar", OTHER_TENANT, "operator");
                    // when / then: each operator sees its own
                    assertThat(send(ENDPOINTS.get(11), ownProject, acme).body())
                            .contains(ownProject)
                            .doesNotContain(otherProject);
                    lettersReady(channel, 2);
                    assertThat(send(ENDPOINTS.get(11), ownProject, globex).body())
                            .contains(otherProject)
                            .doesNotContain(ownProject);
                    lettersReady(channel, 2);
                    assertThat(send(ENDPOINTS.get(10), ownProject, acme).body())
                            .contains("\"name\":\"" + QUEUE + "\"", "\"depth\":1");
                    lettersReady(channel, 2);
                    // and acme's redrive moves acme's letter only
                    Reply redrive = send(
                            new Endpoint("POST", "/api/v1/dlq/" + QUEUE + "/redrive", null, Role.OPERATOR, Set.of(200)),
                            ownProject,
                            acme);
                    assertThat(redrive.body()).contains("\"redriven\":1");
                    lettersReady(channel, 1);
                    assertThat(send(ENDPOINTS.get(11), ownProject, TestTokens.admin())
                                    .body())
                            .contains(otherProject)
                            .doesNotContain(ownProject);
                } finally {
                    channel.queuePurge(QUEUE);
                    channel.queuePurge(QUEUE.substring(0, QUEUE.length() - ".dlq".length()));
                }
            }
        }

        /**
         * Waits until {@code count} letters are ready in the DLQ. A peek, count or redrive holds the letters it looked at
         * until its channel closes, and the quorum queue takes them back a moment after the request has answered: the
         * next step reads only ready letters, so it starts once they are back.
         */
        private void lettersReady(Channel channel, long count) {
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount(QUEUE) == count);
        }

        private void deadLetter(Channel channel, String project) throws Exception {
            Envelope envelope = Envelope.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setType("aios.events.v1.TaskAssigned")
                    .setStreamId("project-" + project)
                    .setCorrelationId(project)
                    .build();
            channel.basicPublish(
                    "",
                    QUEUE,
                    new AMQP.BasicProperties.Builder()
                            .messageId(envelope.getEventId())
                            .type(envelope.getType())
                            .build(),
                    envelope.toByteArray());
        }

        private Connection rabbit() throws Exception {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            factory.setVirtualHost(INFRA.vhost);
            return factory.newConnection("access-matrix-it");
        }
    }

    record Reply(int status, String contentType, String challenge, String body, String policy) {}

    private Reply send(Endpoint endpoint, String project, @Nullable String token) throws Exception {
        return send(endpoint, project, token, false);
    }

    /** Sends the request; an event stream is read only when {@code readStream} (it ends only with its project). */
    private Reply send(Endpoint endpoint, String project, @Nullable String token, boolean readStream) throws Exception {
        var request = HttpRequest.newBuilder(
                        java.net.URI.create(url(endpoint.path().replace("{own}", project))))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (endpoint.json() != null) {
            request.header("Content-Type", "application/json")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(endpoint.json()));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body;
        try (InputStream in = response.body()) {
            if (contentType.startsWith("text/event-stream")) {
                body = readStream ? new String(in.readNBytes(4096), StandardCharsets.UTF_8) : "";
            } else {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Reply(
                response.statusCode(),
                contentType,
                response.headers().firstValue("WWW-Authenticate").orElse(""),
                body,
                response.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    private String submit(String token, String name) throws Exception {
        Reply reply = send(
                new Endpoint(
                        "POST",
                        "/api/v1/projects",
                        "{\"name\":\"" + name + "\",\"brief\":\"Access rules.\",\"budgetMicros\":5000000}",
                        Role.SUBMITTER,
                        Set.of(202)),
                "",
                token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        Matcher m = ID.matcher(reply.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
