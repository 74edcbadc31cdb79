package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.standalone.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ListScenariosTest {

    @Test
    void listsEveryRecordedScenarioWithWhatItShowsAndSaysTheyAreRecordedAgainstAScriptedStandIn() {
        // given
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when
        AiosStandalone.listScenarios(Scenarios.bundled(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output.lines().findFirst().orElseThrow())
                .contains("replays a recording", "scripted stand-in for a model", "no model is called");
        assertThat(output)
                .contains("url-shortener", "room-bookings", "expense-splitter", "recipe-scaler", "feature-flags")
                .doesNotContain("not recorded yet");
        assertThat(output.lines().filter(l -> l.contains("shows: "))).hasSizeGreaterThanOrEqualTo(4);
    }
}
