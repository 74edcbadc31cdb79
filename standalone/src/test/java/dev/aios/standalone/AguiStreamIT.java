package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.standalone.demo.DemoRun;
import dev.aios.standalone.scenario.Scenario;
import dev.aios.standalone.scenario.Scenarios;
import dev.aios.standalone.tokens.LocalTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Must-show 4 of issue 14: the AG-UI stream of a whole recorded sprint validates against the AG-UI reference package.
 * The platform runs as {@code ./aios up} runs it with no model (the recordings answer); a project is submitted through
 * the API and, once it has ended, {@code agui/tests/validate.mjs} reads its stream with {@code @ag-ui/core}'s schemas,
 * {@code @ag-ui/client}'s verifier and state application, and compares the board with the REST views: for the
 * recorded url-shortener sprint (delivered), a project that fails, and one a person stops. Needs Node.js.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AguiStreamIT {
    static final Path TESTS = Path.of("").toAbsolutePath().getParent().resolve("agui/tests");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static UpWithNoModel up;
    static URI api;
    static String token;

    @TempDir
    Path out;

    @BeforeAll
    static void startThePlatformAsUpDoesWithNoModelAndInstallTheValidator() throws Exception {
        Assumptions.assumeTrue(
                run(List.of("node", "--version"), Path.of(".")).status() == 0,
                "node is not installed: the AG-UI stream is validated by @ag-ui/core under Node.js (agui/tests)");
        Path installed = TESTS.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed)
                || Files.getLastModifiedTime(installed)
                                .compareTo(Files.getLastModifiedTime(TESTS.resolve("package-lock.json")))
                        < 0) {
            Run ci = run(List.of("npm", "ci", "--no-audit", "--no-fund"), TESTS);
            assertThat(ci.status()).as("npm ci in agui/tests:\n" + ci.output()).isZero();
        }
        up = UpWithNoModel.start("agui");
        token = up.tokens.mint("agui-viewer", "submitter", LocalTokens.DEFAULT_TENANT, Duration.ofHours(1));
        api = up.api();
    }

    @AfterAll
    static void stop() throws Exception {
        if (up != null) {
            up.close();
        }
    }

    @Test
    void theValidatorRefusesStreamsThatBreakTheProtocolAndAcceptsOneThatKeepsIt() throws Exception {
        // when validate.mjs reads a small stream served locally, whole and broken one way at a time
        Run selftest = run(List.of("node", "selftest.mjs"), TESTS);
        // then it accepts the whole one and refuses each broken one
        System.out.println(selftest.output());
        assertThat(selftest.status()).as(selftest.output()).isZero();
        assertThat(selftest.output())
                .contains(
                        "ok   a valid stream",
                        "ok   a field the protocol does not name",
                        "ok   a delta to a path that is not there",
                        "ok   a step never finished");
    }

    @Test
    void theStreamOfAWholeRecordedSprintValidatesAgainstTheAgUiReferenceSchemas() throws Exception {
        // given the recorded url-shortener scenario, submitted through the API and delivered
        Scenario shortener = Scenarios.bundled().named("url-shortener").orElseThrow();
        DemoRun.Result result = submit(DemoRun.Submission.of(shortener), shortener.actions());
        assertThat(result.finalEvent()).isEqualTo("ProjectDelivered");
        // when the AG-UI reference package reads its stream
        Run validate = validate(result.projectId(), "success");
        System.out.println(validate.output());
        // then every event is valid, in order, and the board it builds is the one the API shows
        assertThat(validate.status()).as(validate.output()).isZero();
        assertThat(validate.output())
                .contains(
                        "events valid against @ag-ui/core EventSchemas",
                        "aios.llm_call",
                        "RUN_FINISHED last, steps balanced",
                        "@ag-ui/client enforced, verified and applied",
                        "status DELIVERED",
                        "resume: Last-Event-ID",
                        "valid");
    }

    @Test
    void aProjectThatFailsEndsItsRunWithAValidRunErrorGivingTheReason() throws Exception {
        // given a brief nothing was recorded for: with no model the project fails with the reason
        DemoRun.Result result = submit(
                DemoRun.Submission.of(
                        "csv-to-json",
                        "Build a command line tool in Go that converts CSV files to JSON, streaming, with tests and a"
                                + " README.",
                        5_000_000),
                List.of());
        assertThat(result.finalEvent()).isEqualTo("ProjectFailed");
        // when
        Run validate = validate(result.projectId(), "error");
        System.out.println(validate.output());
        // then
        assertThat(validate.status()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("RUN_ERROR last", "status FAILED", "valid");
    }

    @Test
    void aProjectAPersonStopsEndsItsRunAsCancelled() throws Exception {
        // given the recorded scenario whose small budget runs out mid-sprint, paused
        Scenario budgetPause = Scenarios.bundled().named("recipe-scaler").orElseThrow();
        ObjectNode body = JSON.createObjectNode()
                .put("name", budgetPause.projectName())
                .put("brief", budgetPause.brief())
                .put("budgetMicros", budgetPause.budgetMicros());
        ObjectNode options = body.putObject("options");
        budgetPause.options().forEach(options::put);
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(api.resolve("/api/v1/projects"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("id").asString();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> JSON.readTree(send(HttpRequest.newBuilder(api.resolve("/api/v1/projects/" + id)))
                                        .body())
                                .path("status")
                                .asString(),
                        "PAUSED"::equals);
        // when a person stops it and the AG-UI reference package reads its stream
        HttpResponse<String> stop = send(HttpRequest.newBuilder(api.resolve("/api/v1/projects/" + id + "/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
        Run validate = validate(id, "cancelled");
        System.out.println(validate.output());
        // then
        assertThat(validate.status()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("RUN_FINISHED last", "aios.project_paused", "status STOPPED", "valid");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private DemoRun.Result submit(DemoRun.Submission project, List<Scenario.Action> actions) throws Exception {
        var printed = new ByteArrayOutputStream();
        return new DemoRun(api, token, new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofMinutes(5))
                .run(project, actions, out);
    }

    private static Run validate(String projectId, String expect) throws Exception {
        String url = api.resolve("/api/v1/projects/" + projectId + "/agui").toString();
        return run(List.of("node", "validate.mjs", url, token, "--expect", expect), TESTS);
    }

    record Run(int status, String output) {}

    static Run run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}
