package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.cli.AiosCli;
import dev.aios.standalone.scenario.Scenario;
import dev.aios.standalone.scenario.Scenarios;
import dev.aios.standalone.tokens.LocalTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the client ({@code ./aios projects|submit|watch|stop|budget|download|dlq}) against the platform as
 * {@code ./aios up} runs it with no model configured, so the projects replay the bundled recordings (labelled as
 * recorded everywhere they are shown), with the admin token file {@code ./aios up} writes and a viewer's token file.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CliIT {
    static UpWithNoModel up;
    static Map<String, String> admin;
    static Map<String, String> viewer;
    static Scenario shortener;
    static Scenario budgetPause;

    @TempDir
    Path work;

    @BeforeAll
    static void startThePlatformAsUpDoes() throws Exception {
        up = UpWithNoModel.start("cli");
        up.tokens.writeAdminToken();
        Path viewerToken = Files.writeString(
                up.home.resolve("viewer.token"),
                up.tokens.mint("vera", "viewer", LocalTokens.DEFAULT_TENANT, Duration.ofHours(1)));
        String url = up.api().toString();
        admin = Map.of("AIOS_HOME", up.home.toString(), "AIOS_URL", url);
        viewer = Map.of("AIOS_HOME", up.home.toString(), "AIOS_URL", url, "AIOS_TOKEN_FILE", viewerToken.toString());
        shortener = Scenarios.bundled().named("url-shortener").orElseThrow();
        budgetPause = Scenarios.bundled().named("recipe-scaler").orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (up != null) {
            up.close();
        }
    }

    record Run(int status, String out, String err) {}

    static Run aios(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = AiosCli.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String submit(Scenario scenario, String... extra) throws Exception {
        Path brief = Files.writeString(work.resolve(scenario.projectName() + ".md"), scenario.brief());
        List<String> args = new ArrayList<>(
                List.of("submit", brief.toString(), "--budget-usd", Double.toString(scenario.budgetMicros() / 1e6)));
        args.addAll(List.of(extra));
        Run run = aios(admin, args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip()).matches("[0-9a-f-]{36}");
        assertThat(run.err())
                .contains(
                        "submitted '" + scenario.projectName() + "'",
                        "./aios watch " + run.out().strip());
        return run.out().strip();
    }

    private static String status(String id) {
        Run run = aios(admin, "projects", "--json", "--size", "100");
        assertThat(run.status()).as(run.err()).isZero();
        int at = run.out().indexOf(id);
        assertThat(at).as(run.out()).isPositive();
        String rest = run.out().substring(at);
        return rest.substring(
                rest.indexOf("\"status\" : \"") + 12, rest.indexOf('"', rest.indexOf("\"status\" : \"") + 12));
    }

    @Test
    void aBriefIsSubmittedWatchedToDeliveryListedAndDownloadedAsAGitRepository() throws Exception {
        // given
        String id = submit(shortener);
        // when
        Run watch = aios(admin, "watch", id);
        Run projects = aios(admin, "projects");
        Path out = work.resolve("delivered");
        Run download = aios(admin, "download", id, "--out", out.toString());
        // then
        assertThat(watch.status()).as(watch.err()).isZero();
        assertThat(watch.out())
                .contains(
                        "ProjectSubmitted",
                        "TaskAssigned",
                        "TaskCompleted",
                        "ProjectDelivered",
                        "url-shortener  DELIVERED",
                        "./aios download " + id);
        assertThat(projects.status()).isZero();
        assertThat(projects.out().lines().findFirst())
                .hasValueSatisfying(h -> assertThat(h).startsWith("ID").contains("STATUS", "BUDGET"));
        assertThat(projects.out()).contains(id + "  url-shortener  DELIVERED");
        assertThat(download.status()).as(download.err()).isZero();
        assertThat(download.out()).startsWith("unpacked ").contains(out.toString());
        try (Git git = Git.open(out.toFile())) {
            assertThat(git.log().call()).isNotEmpty();
        }
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList())
                .contains(".git")
                .hasSizeGreaterThan(1);
    }

    @Test
    void aPausedProjectResumesWhenItsBudgetIsRaisedAndAnotherIsStopped() throws Exception {
        // given two projects of the scenario whose small budget runs out mid-sprint
        String resumed = submit(budgetPause);
        String stopped = submit(budgetPause);
        await().atMost(Duration.ofMinutes(3))
                .until(() -> status(resumed).equals("PAUSED") && status(stopped).equals("PAUSED"));
        // when
        Run raise = aios(admin, "budget", resumed, "+1");
        Run stop = aios(admin, "stop", stopped);
        Run watchResumed = aios(admin, "watch", resumed);
        Run watchStopped = aios(admin, "watch", stopped);
        Run stopAgain = aios(admin, "stop", stopped);
        // then
        assertThat(raise.status()).as(raise.err()).isZero();
        assertThat(raise.out()).startsWith("budget of " + resumed + " is now $1.058");
        assertThat(watchResumed.status()).as(watchResumed.err()).isZero();
        assertThat(watchResumed.out()).contains("ProjectPaused", "ProjectResumed", "ProjectDelivered");
        assertThat(stop.status()).as(stop.err()).isZero();
        assertThat(stop.out()).isEqualTo("stopped " + stopped + " (recipe-scaler): STOPPED\n");
        assertThat(watchStopped.status()).isEqualTo(1);
        assertThat(watchStopped.err())
                .startsWith("aios: project " + stopped + " ended STOPPED")
                .hasLineCount(1);
        assertThat(stopAgain.status()).isEqualTo(1);
        assertThat(stopAgain.err())
                .startsWith("aios: Conflict: project " + stopped + " is STOPPED and cannot be stopped (HTTP 409)");
    }

    @Test
    void aBacklogWaitingForApprovalIsApprovedAndTheProjectIsDelivered() throws Exception {
        // given a recorded scenario submitted with its backlog to be approved: the CTO's calls are the recorded ones
        String id = submit(shortener, "--approvals", "backlog");
        await().atMost(Duration.ofMinutes(2)).until(() -> status(id).equals("AWAITING_APPROVAL"));
        Run listed = aios(admin, "projects", "--size", "100");
        assertThat(listed.out().lines().filter(line -> line.startsWith(id)))
                .as("the projects table counts what waits: ID NAME STATUS WAITING …%n%s", listed.out())
                .singleElement()
                .satisfies(row -> assertThat(row.split("\\s+")[3]).isEqualTo("1"));
        // when
        Run approve = aios(admin, "approve", id);
        Run approveAgain = aios(admin, "approve", id);
        Run rejectLate = aios(admin, "reject", id, "backlog-1", "--feedback", "too late");
        Run watch = aios(admin, "watch", id, "--plain");
        // then
        assertThat(approve.status()).as(approve.err()).isZero();
        assertThat(approve.out()).isEqualTo("approved backlog-1 of " + id + " (backlog)\n");
        assertThat(approveAgain.status()).isEqualTo(1);
        assertThat(approveAgain.err()).isEqualTo("aios: nothing of project " + id + " waits for approval\n");
        assertThat(rejectLate.status()).isEqualTo(1);
        assertThat(rejectLate.err())
                .startsWith("aios: Conflict: backlog-1 is already GRANTED by ")
                .endsWith("(HTTP 409)\n");
        assertThat(watch.status()).as(watch.err()).isZero();
        assertThat(watch.out())
                .contains(
                        "ApprovalRequested backlog-1",
                        "waits for a person: ./aios approve " + id + " backlog-1",
                        "ApprovalGranted backlog-1",
                        "ProjectDelivered",
                        "url-shortener  DELIVERED");
    }

    @Test
    void theServersRefusalsAreOneLineAndExitOne() throws Exception {
        // given
        Path brief = Files.writeString(work.resolve("b.md"), shortener.brief());
        String unknown = "3f2b8c1e-0000-4000-8000-000000000001";
        // when
        Run viewerSubmits = aios(viewer, "submit", brief.toString());
        Run viewerReadsDlq = aios(viewer, "dlq");
        Run watchUnknown = aios(admin, "watch", unknown);
        Run downloadUnknown = aios(admin, "download", unknown);
        Run redriveUnknown = aios(admin, "dlq", "--redrive", "no-such.dlq");
        Map<String, String> forged = new HashMap<>(admin);
        forged.put(
                "AIOS_TOKEN_FILE",
                Files.writeString(work.resolve("forged.token"), "eyJhbGciOiJub25lIn0.e30.")
                        .toString());
        Run forgedToken = aios(forged, "projects");
        // then
        assertThat(viewerSubmits.status()).isEqualTo(1);
        assertThat(viewerSubmits.err())
                .startsWith("aios: Forbidden: ")
                .endsWith("(HTTP 403)\n")
                .hasLineCount(1);
        assertThat(viewerReadsDlq.err()).startsWith("aios: Forbidden: ").hasLineCount(1);
        assertThat(watchUnknown.status()).isEqualTo(1);
        assertThat(watchUnknown.err()).isEqualTo("aios: Not found: no project " + unknown + " (HTTP 404)\n");
        assertThat(downloadUnknown.err()).isEqualTo("aios: Not found: no project " + unknown + " (HTTP 404)\n");
        assertThat(redriveUnknown.err()).isEqualTo("aios: Not found: no dead-letter queue no-such.dlq (HTTP 404)\n");
        assertThat(forgedToken.status()).isEqualTo(1);
        assertThat(forgedToken.err())
                .startsWith("aios: Authentication required: the bearer token was refused")
                .contains("(HTTP 401)", "./aios token --role ROLE")
                .hasLineCount(1);
    }

    @Test
    void anOperatorListsTheDeadLetterQueuesAndRedrivesOne() {
        // when
        Run list = aios(admin, "dlq");
        // then
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out().lines().findFirst())
                .hasValue("QUEUE" + list.out().lines().findFirst().orElseThrow().substring(5));
        String queue = list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        Run show = aios(admin, "dlq", "--show", queue);
        Run redrive = aios(admin, "dlq", "--redrive", queue, "--max", "5");
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("EVENT");
        assertThat(redrive.status()).as(redrive.err()).isZero();
        assertThat(redrive.out()).isEqualTo("redriven 0 letter(s) from " + queue + "\n");
    }
}
