package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aios.standalone.scenario.Scenario;
import dev.aios.standalone.scenario.Scenarios;
import dev.aios.standalone.tokens.LocalTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web board in Debian's headless Chromium, driven by playwright-core from {@code board/tests/board.test.mjs},
 * against the platform as {@code ./aios up} runs it with no model (the url-shortener recording replays): sign in with
 * a token, submit the scenario from the board, watch its tasks reach done, read the LLM calls, QA's review and the
 * repository's diffs, a viewer without a stop button, a refused token. Skipped, saying so, only where chromium or node
 * is missing ({@code .ci/run} installs chromium).
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class BoardIT {
    static final Path TESTS = Path.of("../board/tests").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AIOS_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target/board-screenshots").toAbsolutePath();

    static UpWithNoModel up;
    static Path foreignHome;

    @BeforeAll
    static void startThePlatformAsUpDoes() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "BoardIT skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        assumeTrue(onPath("node") && onPath("npm"), "BoardIT skipped: node and npm are needed to drive the browser");
        foreignHome = Files.createTempDirectory("aios-board-foreign-");
        up = UpWithNoModel.start("board");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (up != null) {
                up.close();
            }
        } finally {
            if (foreignHome != null) {
                UpWithNoModel.delete(foreignHome);
            }
        }
    }

    @Test
    void aPersonSignsInSubmitsARecordedScenarioAndWatchesItDeliveredOnTheBoard() throws Exception {
        // given the tokens ./aios up and ./aios token make, one signed by a key this platform does not trust, and the
        // scenario as recorded (brief, project name, budget, options)
        LocalTokens tokens = up.tokens;
        String admin = Files.readString(tokens.writeAdminToken()).strip();
        String viewer = tokens.mint("vera", "viewer", LocalTokens.DEFAULT_TENANT, Duration.ofHours(1));
        String foreign = LocalTokens.open(Map.of("AIOS_HOME", foreignHome.toString()))
                .mint("mallory", "admin", LocalTokens.DEFAULT_TENANT, Duration.ofHours(1));
        Scenario scenario = Scenarios.bundled().named("url-shortener").orElseThrow();
        Path brief = Files.writeString(up.home.resolve("brief.md"), scenario.brief());
        installPlaywrightOnce();
        Map<String, String> env = new HashMap<>(Map.of(
                "BOARD_URL",
                up.api().toString(),
                "ADMIN_TOKEN",
                admin,
                "VIEWER_TOKEN",
                viewer,
                "FOREIGN_TOKEN",
                foreign,
                "BRIEF_FILE",
                brief.toString(),
                "PROJECT_NAME",
                scenario.projectName(),
                "BUDGET_USD",
                Double.toString(scenario.budgetMicros() / 1e6),
                "SCREENSHOTS",
                SCREENSHOTS.toString(),
                "CHROMIUM",
                CHROMIUM.toString()));
        if (scenario.options().containsKey("sprintLimit")) {
            env.put("SPRINT_LIMIT", Integer.toString(scenario.options().get("sprintLimit")));
        }
        // and the scenario whose risky change a person rejects with feedback, then approves the redo: the feedback is
        // the one recorded, since the redo's request carries it and the replay answers only what was recorded
        Scenario risky = Scenarios.bundled().named("feature-flags").orElseThrow();
        env.put(
                "RISKY_BRIEF_FILE",
                Files.writeString(up.home.resolve("risky-brief.md"), risky.brief())
                        .toString());
        env.put("RISKY_PROJECT_NAME", risky.projectName());
        env.put("RISKY_FEEDBACK", rejection(risky));
        // and a letter QA's queue dead-lettered, of a project of no tenant (an admin sees every letter)
        String letterProject = UUID.randomUUID().toString();
        up.deadLetter("aios.agent.qa.dlq", "aios.events.v1.TaskAssigned", letterProject);
        env.put("DEAD_LETTER_QUEUE", "aios.agent.qa.dlq");
        env.put("DEAD_LETTER_PROJECT", letterProject);
        // when
        Run run = run(List.of("node", "board.test.mjs"), env, Duration.ofMinutes(8));
        // then
        assertThat(run.status())
                .as("node board.test.mjs said:%n%s", run.output())
                .isZero();
        assertThat(run.output()).contains("board: 23 passed, 0 failed");
        assertThat(SCREENSHOTS.resolve("03-board-mid-sprint.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("05-repository.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("08-risky-change-redone.png")).isNotEmptyFile();
    }

    private static String rejection(Scenario scenario) {
        return scenario.actions().stream()
                .flatMap(a -> a.decision().stream())
                .filter(d -> !d.grant())
                .map(Scenario.Decision::feedback)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(scenario.name() + " rejects nothing"));
    }

    /** {@code npm ci} into board/tests when its node_modules (ignored by git) lacks a pinned dependency. */
    private static void installPlaywrightOnce() throws Exception {
        String lock = Files.readString(TESTS.resolve("package-lock.json"));
        boolean installed = true;
        for (String dependency : List.of("playwright-core", "axe-core")) {
            Path manifest = TESTS.resolve("node_modules/" + dependency + "/package.json");
            installed &= Files.isRegularFile(manifest) && lock.contains("\"version\": \"" + versionOf(manifest) + "\"");
        }
        if (installed) {
            return;
        }
        Run install = run(
                List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"),
                Map.of(),
                Duration.ofMinutes(5));
        assertThat(install.status())
                .as("npm ci in %s failed:%n%s", TESTS, install.output())
                .isZero();
    }

    private static String versionOf(Path packageJson) throws IOException {
        String json = Files.readString(packageJson);
        int at = json.indexOf("\"version\"");
        int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
        return json.substring(start, json.indexOf('"', start));
    }

    record Run(int status, String output) {}

    private static Run run(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        Path log = Files.createTempFile("aios-board-", ".log");
        try {
            var builder = new ProcessBuilder(command)
                    .directory(TESTS.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(
                        -1, "timed out after " + timeout + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output); // the browser test's own lines in the build log
            return new Run(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
