package dev.aios.standalone.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.standalone.infra.FreePorts;
import dev.aios.standalone.infra.Infrastructure;
import dev.aios.standalone.tokens.LocalTokens;
import dev.aios.standalone.tokens.TokenCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform in one JVM, on embedded infrastructure, started as {@code ./aios up} starts it (its own signing key and
 * admin token under {@code $AIOS_HOME}), seen through its API.
 */
class PlatformIT {
    private static final String SUBMISSION = "{\"name\":\"auth\",\"brief\":\"A todo app.\",\"budgetMicros\":5000000}";
    static Path home;
    static Infrastructure infrastructure;
    static Platform platform;
    static Path adminTokenFile;
    static int routerPort;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startAsUpDoes() throws Exception {
        home = Files.createTempDirectory("aios-home-");
        LocalTokens tokens = LocalTokens.open(Map.of("AIOS_HOME", home.toString()));
        adminTokenFile = tokens.writeAdminToken();
        infrastructure = Infrastructure.start(Map.of());
        routerPort = FreePorts.any();
        platform = Platform.start(
                infrastructure.endpoints(),
                infrastructure.knowledge(),
                tokens,
                FreePorts.any(),
                routerPort,
                "127.0.0.1",
                Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        try (var files = Files.list(home)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(home);
    }

    @Test
    void theOrchestratorSeesEachOfTheFiveAgentsOnceThroughTheirHeartbeats() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode live = JsonMapper.builder()
                    .build()
                    .readTree(send("GET", "/api/v1/agents", null, adminToken()).body());
            List<String> roles = new ArrayList<>();
            live.forEach(agent -> roles.add(agent.path("role").asString()));
            assertThat(roles).containsExactlyInAnyOrder("cto", "backend", "frontend", "qa", "devops");
        });
    }

    @Test
    void refusesASubmissionWithoutATokenAndAcceptsItWithTheAdminTokenFromItsFile() throws Exception {
        // when a brief is submitted without a token, then 401 as a problem detail
        HttpResponse<String> anonymous = send("POST", "/api/v1/projects", SUBMISSION, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // when it is submitted with the token `up` wrote, then it is accepted
        HttpResponse<String> admin = send("POST", "/api/v1/projects", SUBMISSION, adminToken());
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(202);
    }

    @Test
    void theRouterPortServesOnlyCallersWithThePlatformsPerBootToken() throws Exception {
        // when a caller without the platform's per-boot router token calls the router, as `up` exposes it
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + "/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // then it is refused with a problem detail
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    }

    @Test
    void theOrchestratorReadsTheRoutersBudgetLedgerAsItsOwnService() throws Exception {
        // given a project submitted with the admin token
        HttpResponse<String> submitted = send("POST", "/api/v1/projects", SUBMISSION, adminToken());
        String project = submitted.headers().firstValue("Location").orElseThrow();

        // when its budget is read
        HttpResponse<String> budget = send("GET", project + "/budget", null, adminToken());

        // then the orchestrator asked the router (with its per-boot token) and had an answer: the ledger's figures, or
        // that the ledger meters nothing of the project yet; neither "not configured" nor "unavailable"
        assertThat(budget.statusCode()).as(budget.body()).isEqualTo(200);
        String status = JsonMapper.builder()
                .build()
                .readTree(budget.body())
                .path("reservedStatus")
                .asString();
        assertThat(status).as(budget.body()).isIn("REPORTED", "NOTHING_METERED");
    }

    @Test
    void keepsTheKeyAndTheTokenReadableByTheUserAlone() throws Exception {
        for (String file : List.of("signing-key.pem", "signing-key.pub.pem", "admin.token")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(file))))
                    .as(file)
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
                .isEqualTo("rwx------");
    }

    @Test
    void acceptsATokenMintedByTheTokenCommandWithItsRoleOnly() throws Exception {
        // given a viewer's token from `aios token`
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = TokenCommand.run(
                new String[] {"--role", "viewer", "--ttl", "10m"},
                Map.of("AIOS_HOME", home.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).isZero();
        String viewer = printed.toString(StandardCharsets.UTF_8).trim();
        // then it reads, and may not submit
        assertThat(send("GET", "/api/v1/projects", null, viewer).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/projects", SUBMISSION, viewer).statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesATokenOfAnotherLaunchersKey() throws Exception {
        // given a token signed by the key of another $AIOS_HOME
        Path elsewhere = Files.createTempDirectory("aios-other-home-");
        try {
            String foreign = LocalTokens.open(Map.of("AIOS_HOME", elsewhere.toString()))
                    .mint("admin", "admin", LocalTokens.DEFAULT_TENANT, Duration.ofMinutes(5));
            // then this platform refuses it
            assertThat(send("GET", "/api/v1/projects", null, foreign).statusCode())
                    .isEqualTo(401);
        } finally {
            try (var files = Files.list(elsewhere)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(elsewhere);
        }
    }

    private static String adminToken() throws Exception {
        return Files.readString(adminTokenFile).trim();
    }

    private HttpResponse<String> send(String method, String path, @Nullable String json, @Nullable String token)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.apiPort() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
