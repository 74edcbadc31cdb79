package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.policy.Thresholds;
import dev.aios.router.policy.Tier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SweReportTest {

    private final TierModels tiers = TierModels.defaults();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private SweReport report;

    /** Four test issues: all tiers solve the first, gpt and claude the second, only claude the third, none the fourth. */
    @BeforeEach
    void fourIssues() {
        List<SweTask> test = List.of(
                task("a-1", "short", true, true, true),
                task("a-2", "a bit longer text", false, true, true),
                task("a-3", "the longest issue text of all four", false, false, true),
                task("a-4", "medium length text", false, false, false));
        report = new SweReport(new SweSplit("hand", List.of(), List.of(), test), tiers, 20, 42);
    }

    @Test
    void printsTheConstantRoutersAndTheOracleWithBothPrices() {
        report.printHeader(out);

        // local: 1 of 4 at 4 x $0.20 hosted, 4 x 10 calls x 0.5 GPU-s x $2.50/h = $0.01 on a GPU; claude 3 of 4 at 4 x
        // $1.00
        assertThat(text())
                .containsPattern(
                        "always local \\(Devstral small \\(2512\\)\\) +\\| 4/0/0 +\\| 25\\.0% .*\\|     0\\.80 \\|     0\\.01 \\|")
                .containsPattern(
                        "always gpt \\(GPT-5 mini\\) +\\| 0/4/0 +\\| 50\\.0% .*\\|     0\\.40 \\|     0\\.40 \\|")
                .containsPattern(
                        "always claude \\(Claude 4\\.5 Opus medium\\) +\\| 0/0/4 +\\| 75\\.0% .*\\|     4\\.00 \\|     4\\.00 \\|")
                // the oracle takes gpt where it solves (cheaper than local), claude for the third, gpt for the
                // unsolvable fourth
                .containsPattern(
                        "oracle \\(cheapest tier that resolves\\) +\\| 0/3/1 +\\| 75\\.0% .*\\|     1\\.30 \\|");
    }

    @Test
    void comparesARouterWithRandomAndLengthAtTheSameTierShares() {
        // scores send the first to local, the third to claude, the others to gpt
        report.printRouter(out, "router", new double[] {0.1, 0.5, 0.9, 0.7}, new Thresholds(0.3, 0.8));

        // resolved 3 of 4; random with shares 1/2/1 expects (1 + 0.75 + 0.25 + 0) / 4 = 50%; length gives the
        // longest (the third) claude and the shortest (the first) local: the same assignment
        assertThat(text())
                .containsPattern("router +\\| 1/2/1 +\\| 75\\.0% .*\\|     1\\.40 \\| .*\\| \\+25\\.0 .*\\| \\+0\\.0")
                .containsPattern("random, same shares +\\| +\\| 50\\.0%")
                .containsPattern("prompt length, same shares +\\| 1/2/1 +\\| 75\\.0%");
    }

    @Test
    void findsTheCheapestClaudeShareThatReachesTheTarget() {
        // ranked third-first, one claude call reaches 3 of 4 = always-claude's rate: gpt for all ($0.40) + $0.90
        report.printReach(out, "router", new double[] {0.1, 0.5, 0.9, 0.7});

        assertThat(text())
                .containsPattern("router +\\$1\\.30 \\[")
                .containsPattern("oracle ranking +\\$1\\.30 \\[")
                .contains("always-claude costs $4.00");
    }

    @Test
    void anOperatingPointWithoutALocalShareSendsNothingLocal() {
        Thresholds t =
                SweReport.thresholds(new double[] {0.1, 0.2, 0.3, 0.4}, new SweReport.OperatingPoint("x", 0, 0.25));

        assertThat(t.gpt()).isZero();
        assertThat(t.tierFor(0.32)).isEqualTo(Tier.GPT);
        assertThat(t.tierFor(0.4)).isEqualTo(Tier.CLAUDE);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private SweTask task(String id, String problem, boolean local, boolean gpt, boolean claude) {
        Map<String, SweTask.Run> runs = new LinkedHashMap<>();
        runs.put(tiers.local(), new SweTask.Run(local, 0.2, 10));
        runs.put(tiers.gpt(), new SweTask.Run(gpt, 0.1, 10));
        runs.put(tiers.claude(), new SweTask.Run(claude, 1.0, 10));
        return new SweTask(id, "x/y", problem, runs);
    }
}
