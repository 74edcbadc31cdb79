package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.standalone.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlanTest {
    static final Scenarios SCENARIOS = Scenarios.bundled();
    static final Map<String, String> NO_MODEL = Map.of();
    static final Map<String, String> LOCAL_MODEL = Map.of("AIOS_LOCAL_MODEL_URL", "http://127.0.0.1:9/v1");

    @TempDir
    Path dir;

    static RunPlan plan(Map<String, String> env, String... args) throws Exception {
        return RunPlan.of(StandaloneCommand.parse(args), env, SCENARIOS);
    }

    @Test
    void withNoModelTheDemoReplaysTheDefaultScenarioWithItsOwnProjectAndBudget() throws Exception {
        RunPlan plan = plan(NO_MODEL, "demo");

        assertThat(plan.live()).isFalse();
        assertThat(plan.project()).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("url-shortener");
            assertThat(p.budgetMicros())
                    .isEqualTo(SCENARIOS.named("url-shortener").orElseThrow().budgetMicros());
        });
        assertThat(plan.routerSettings())
                .containsKey("aios.router.cassettes.replay")
                .doesNotContainKey("aios.router.cassettes.record");
        assertThat(plan.banner("below"))
                .startsWith("MODE: RECORDED - no model is called: every model answer below is replayed");
    }

    @Test
    void aReplayUnderAnotherProjectNameIsRefusedBecauseItWouldDiverge() {
        assertThatThrownBy(() -> plan(NO_MODEL, "demo", "--scenario", "room-bookings", "--name", "bookings"))
                .isInstanceOf(RunPlan.Refused.class)
                .hasMessageContaining("made for the project name 'room-bookings'")
                .hasMessageContaining("drop --name");
    }

    @Test
    void aLiveBriefIsNamedAfterItsFileAndPassesTheModelSettingsToTheRouter() throws Exception {
        Path brief = Files.writeString(
                dir.resolve("habit-tracker.md"),
                "Build a habit tracker web app with streaks and reminders, with tests.");

        RunPlan plan = plan(
                LOCAL_MODEL,
                "demo",
                "--brief",
                brief.toString(),
                "--record",
                dir.resolve("r.json").toString());

        assertThat(plan.live()).isTrue();
        assertThat(plan.project()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("habit-tracker"));
        assertThat(plan.routerSettings())
                .containsEntry("aios.router.tiers.local.base-url", "http://127.0.0.1:9/v1")
                .containsEntry(
                        "aios.router.cassettes.record",
                        dir.resolve("r.json").toAbsolutePath().toString());
        assertThat(plan.banner("above"))
                .startsWith("MODE: LIVE MODELS - AIOS_LOCAL_MODEL_URL set")
                .contains("recorded to");
    }

    @Test
    void upWithNoModelReplaysEveryRecordedScenario() throws Exception {
        RunPlan plan = plan(NO_MODEL, "up");

        assertThat(plan.project()).isEmpty();
        assertThat(String.valueOf(plan.routerSettings().get("aios.router.cassettes.replay"))
                        .split(","))
                .hasSize(SCENARIOS.recorded().size())
                .hasSizeGreaterThanOrEqualTo(4);
    }
}
