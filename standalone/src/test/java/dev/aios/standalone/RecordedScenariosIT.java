package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.standalone.demo.DemoRun;
import dev.aios.standalone.scenario.Scenario;
import dev.aios.standalone.scenario.Scenarios;
import dev.aios.standalone.tokens.LocalTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as {@code ./aios up} runs it with no model configured: every bundled recording is replayed. Each
 * scenario ends as its {@code expect} says, every model answer says it was recorded, and a project of any other brief
 * fails with the reason instead of being delivered.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RecordedScenariosIT {
    static UpWithNoModel up;
    static URI api;
    static String token;

    @TempDir
    Path out;

    @BeforeAll
    static void startThePlatformAsUpDoesWithNoModel() throws Exception {
        up = UpWithNoModel.start("scenarios");
        token = up.tokens.mint("scenario-user", "submitter", LocalTokens.DEFAULT_TENANT, Duration.ofHours(1));
        api = up.api();
    }

    @AfterAll
    static void stop() throws Exception {
        up.close();
    }

    static Stream<Scenario> scenarios() {
        return Scenarios.bundled().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachScenarioEndsAsItsExpectationSaysFromItsRecordingAlone(Scenario scenario) throws Exception {
        // given a recorded scenario
        assertThat(scenario.cassette())
                .as("every bundled scenario is recorded (./aios record-scenarios)")
                .isPresent();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when a person submits it and does what the scenario says
        DemoRun.Result result = new DemoRun(
                        api, token, new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofMinutes(5))
                .run(DemoRun.Submission.of(scenario), scenario.actions(), out);

        // then it ends as expected, showing its capability
        String output = printed.toString(StandardCharsets.UTF_8);
        Scenario.Expectation expect = scenario.expect();
        assertThat(result.finalEvent()).as(output).isEqualTo(expect.finalEvent());
        assertThat(count(output, "backlog rejected: ")).as("backlog rejections").isEqualTo(expect.backlogRejections());
        assertThat(count(output, "project paused: ")).as("pauses").isEqualTo(expect.pauses());
        assertThat(count(output, ": FAILED - ")).as("failed sprint reviews").isEqualTo(expect.failedReviews());
        assertThat(count(output, "rejected: change-"))
                .as("risky changes a person rejected")
                .isEqualTo(expect.rejectedChanges());
        assertThat(output).contains("in " + expect.sprints() + " sprint(s)");
        // and every model answer was replayed and says so
        List<String> calls = output.lines().filter(l -> l.contains("     llm ")).toList();
        assertThat(calls).isNotEmpty().allSatisfy(line -> assertThat(line).contains("RECORDED: replayed answer"));
        assertThat(result.usage()).contains(calls.size() + " replayed from a recording");
        assertThat(result.repository()).isPresent();
    }

    @Test
    void aBriefThatNothingRecordedFailsWithTheReasonAndIsNeverDelivered() throws Exception {
        // given a brief no recording was made for
        String brief =
                "Build a command line tool in Go that converts CSV files to JSON, streaming, with tests and a README.";
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when it is submitted through the API
        DemoRun.Result result = new DemoRun(
                        api, token, new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofMinutes(3))
                .run(DemoRun.Submission.of("csv-to-json", brief, 5_000_000), List.of(), out);

        // then the project's final event is ProjectFailed with the reason, and nothing was delivered
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.finalEvent()).as(output).isEqualTo("ProjectFailed");
        assertThat(result.reason())
                .contains(
                        "no model is configured and no recording is of this brief",
                        "recordings exist only for",
                        "url-shortener",
                        "AIOS_LOCAL_MODEL_URL");
        assertThat(result.repository()).isEmpty();
        assertThat(output).doesNotContain("project delivered", "ProjectDelivered");
        JsonNode project = JsonMapper.builder()
                .build()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(api.resolve("/api/v1/projects/" + result.projectId()))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        assertThat(project.path("status").asString()).isEqualTo("FAILED");
        assertThat(project.path("stopReason").asString()).contains("no recording is of this brief");
    }

    private static long count(String output, String marker) {
        return output.lines().filter(l -> l.contains(marker)).count();
    }
}
