package dev.aios.standalone.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** The scenario files the demo reads: every field it needs, of the right kind, and a brief beside each. */
class ScenarioFilesTest {
    private static final List<String> NAMES = ScenarioFile.NAMES;
    private static final Set<String> FIELDS = Set.of(
            "name",
            "title",
            "shows",
            "projectName",
            "budgetUsd",
            "options",
            "approvals",
            "actions",
            "recordWith",
            "expect");
    private static final Set<String> APPROVALS = Set.of("backlog", "sprint", "risky-changes");
    private static final Set<String> OPTIONS = Set.of("sprintLimit", "sprintCapacityPoints", "maxReplans");
    private static final Set<String> FINAL_EVENTS = Set.of("ProjectDelivered", "ProjectStopped");

    @Test
    void theResourcesHoldExactlyTheListedScenarios() throws IOException, URISyntaxException {
        Path root = Path.of(getClass()
                .getClassLoader()
                .getResource(ScenarioAnswers.SCENARIOS)
                .toURI());
        try (Stream<Path> directories = Files.list(root)) {
            assertThat(directories.map(d -> d.getFileName().toString())).containsExactlyInAnyOrderElementsOf(NAMES);
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void aScenarioFileNamesItsDirectoryAndDescribesTheRun(String directory) {
        // given
        ScenarioFile scenario = ScenarioFile.load(directory);
        JsonNode json = scenario.json();

        // then
        assertThat(json.propertyNames())
                .isSubsetOf(FIELDS)
                .contains("name", "title", "shows", "projectName", "budgetUsd", "expect");
        assertThat(json.path("name").asString()).isEqualTo(directory);
        assertThat(json.path("title").asString()).isNotBlank();
        assertThat(json.path("shows").asString()).isNotBlank().endsWith(".");
        assertThat(scenario.projectName()).matches("[a-z0-9-]{1,200}");
        assertThat(json.path("budgetUsd").isNumber()).isTrue();
        assertThat(json.path("budgetUsd").asDouble()).isPositive();
        assertThat(scenario.brief()).isNotBlank().hasSizeLessThan(20_000);
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void optionsAreOnesTheProjectsApiAcceptsAndEnvironmentValuesAreText(String directory) {
        JsonNode json = ScenarioFile.load(directory).json();

        assertThat(json.path("options").propertyNames()).isSubsetOf(OPTIONS);
        json.path("options")
                .forEach(value -> assertThat(value.isInt() && value.asInt() >= 0 && value.asInt() <= 1000)
                        .isTrue());
        json.path("recordWith").properties().forEach(variable -> {
            assertThat(variable.getKey()).matches("AIOS_[A-Z_]+");
            assertThat(variable.getValue().isString())
                    .as(variable.getKey() + " is a string, as the environment holds it")
                    .isTrue();
        });
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void actionsSayOnWhichEventAPersonActsAndExpectationsAreCounts(String directory) {
        JsonNode json = ScenarioFile.load(directory).json();

        json.path("approvals").forEach(kind -> assertThat(kind.asString()).isIn(APPROVALS));
        int raises = 0;
        int rejections = 0;
        for (JsonNode action : json.path("actions")) {
            if (action.has("raiseBudgetUsd")) {
                assertThat(action.path("onEvent").asString()).isEqualTo("ProjectPaused");
                assertThat(action.path("raiseBudgetUsd").asDouble()).isPositive();
                raises++;
            } else {
                assertThat(action.path("onEvent").asString()).isEqualTo("ApprovalRequested");
                assertThat(json.path("approvals").isEmpty())
                        .as("a decision needs something to wait for approval")
                        .isFalse();
                assertThat(action.path("grant").asBoolean()
                                || action.path("reject").asString().length() > 10)
                        .as("grant, or reject with feedback: " + action)
                        .isTrue();
                rejections += action.has("reject") ? 1 : 0;
            }
        }
        JsonNode expect = json.path("expect");
        assertThat(expect.propertyNames())
                .containsAll(List.of("finalEvent", "sprints", "backlogRejections", "pauses", "failedReviews"))
                .isSubsetOf("finalEvent", "sprints", "backlogRejections", "pauses", "failedReviews", "rejectedChanges");
        assertThat(expect.path("finalEvent").asString()).isIn(FINAL_EVENTS);
        assertThat(expect.path("sprints").asInt())
                .isBetween(1, ScenarioFile.load(directory).sprintLimit());
        for (String count : List.of("backlogRejections", "pauses", "failedReviews")) {
            assertThat(expect.path(count).isInt() && expect.path(count).asInt() >= 0)
                    .as(count)
                    .isTrue();
        }
        assertThat(raises)
                .as("a pause needs a person to raise the budget")
                .isEqualTo(expect.path("pauses").asInt());
        assertThat(rejections)
                .as("each rejected change is a person's rejection")
                .isEqualTo(expect.path("rejectedChanges").asInt(0));
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void theServerHasAnswersForTheScenarioAndKnowsItByItsBrief(String directory) {
        ScenarioAnswers answers = ScenarioAnswers.fromClasspath();

        assertThat(answers.briefs())
                .containsEntry(directory, ScenarioFile.load(directory).brief());
    }
}
