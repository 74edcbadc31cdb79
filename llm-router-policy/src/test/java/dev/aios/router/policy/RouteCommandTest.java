package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RouteCommandTest {

    private final ComplexityRoutingPolicy policy =
            new ComplexityRoutingPolicy(TestModels.handBuilt(), ComplexityRoutingPolicy.Settings.defaults());

    private String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RouteCommand.Options options = RouteCommand.Options.parse(args);
        int status = RouteCommand.run(
                options, options.prompt(), policy, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class ForPeople {
        @Test
        void printsTheTierScoreThresholdsAndReasons() {
            // when
            String out = run("--hint", "high", "Design the architecture");

            // then sigmoid(2 + log 3) = 0.957
            assertThat(out)
                    .startsWith("tier        claude\n")
                    .contains("score       0.957   thresholds: gpt from 0.600, claude from 0.850")
                    .contains("model       test-v1; licence: test licence")
                    .containsPattern("\\+2\\.00 +complexity hint 'high' +prior")
                    .containsPattern("\\+1\\.10 +design scope: 'design', 'architecture' +prior");
        }

        @Test
        void showsTheRuleWhenTheRoleFloorChangedTheTier() {
            String out = run("--role", "cto", "--hint", "low", "List the files");

            assertThat(out)
                    .startsWith("tier        gpt (the score alone chose local)\n")
                    .contains("rule        raised to gpt by the floor for role 'cto'");
        }
    }

    @Nested
    class ForScripts {
        @Test
        void printsOneJsonObjectWithTheSameContent() {
            JsonNode json = JsonMapper.builder()
                    .build()
                    .readTree(run("--json", "--kind", "code", "--points", "5", "Design the \"cache\""));

            assertThat(json.get("tier").asString()).isEqualTo("gpt");
            assertThat(json.get("thresholds").get("claude").asDouble()).isEqualTo(0.85);
            assertThat(json.get("reasons").get(0).get("signal").asString()).isEqualTo("design_scope");
            assertThat(json.get("reasons").get(0).get("description").asString()).isEqualTo("design scope: 'design'");
            assertThat(json.get("reasons").get(0).get("source").asString()).isEqualTo("prior");
            assertThat(json.get("rules")).isEmpty();
            assertThat(json.get("reason").asString()).contains("chose gpt");
        }
    }

    @Nested
    class BadUsage {
        @Test
        void rejectsAMissingOrSplitPromptUnknownOptionsAndBadNumbers() {
            assertThatThrownBy(() -> RouteCommand.Options.parse(new String[] {}))
                    .hasMessageStartingWith("no prompt given");
            assertThatThrownBy(() -> RouteCommand.Options.parse(new String[] {"rename", "it"}))
                    .hasMessageStartingWith("give the prompt as one argument");
            assertThatThrownBy(() -> RouteCommand.Options.parse(new String[] {"--colour", "x", "p"}))
                    .hasMessageStartingWith("unknown option --colour");
            assertThatThrownBy(() -> RouteCommand.Options.parse(new String[] {"--points", "many", "p"}))
                    .hasMessage("--points needs a whole number, got 'many'");
            assertThatThrownBy(() -> RouteCommand.Options.parse(new String[] {"--role"}))
                    .hasMessageStartingWith("--role needs a value");
            assertThatThrownBy(() -> RouteCommand.Options.parse(new String[] {"--hint", "extreme", "p"}))
                    .hasMessageStartingWith("--hint must be low, medium or high");
        }

        @Test
        void rejectsABlankPrompt() {
            RouteCommand.Options options = RouteCommand.Options.parse(new String[] {"  "});

            assertThatThrownBy(() -> RouteCommand.run(options, options.prompt(), policy, System.out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the prompt is empty");
        }
    }
}
