package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweReachTest {

    private final TierModels tiers = TierModels.defaults();

    @Test
    void theReachShareIsTheSmallestClaudeShareThatReachesTheTargetOnCalibration() {
        // given gpt and claude solve the first issue, only claude the second
        List<SweTask> calibration = List.of(task("c-1", true, true), task("c-2", false, true));

        // then 95 % of claude's 2 of 2 needs both: the second must go to claude, which takes half when it ranks first
        assertThat(SweReach.share(calibration, new double[] {0.2, 0.8}, tiers)).isEqualTo(0.5);
        assertThat(SweReach.share(calibration, new double[] {0.8, 0.2}, tiers)).isEqualTo(1.0);
    }

    @Test
    void noClaudeIsNeededWhenGptAlreadyReachesTheTarget() {
        List<SweTask> calibration = List.of(task("c-1", true, true), task("c-2", true, false));

        assertThat(SweReach.share(calibration, new double[] {0.5, 0.6}, tiers)).isZero();
    }

    private SweTask task(String id, boolean gpt, boolean claude) {
        return new SweTask(
                id,
                "x/y",
                "text",
                Map.of(
                        tiers.local(),
                        new SweTask.Run(false, 0.2, 10),
                        tiers.gpt(),
                        new SweTask.Run(gpt, 0.1, 10),
                        tiers.claude(),
                        new SweTask.Run(claude, 1.0, 10)));
    }
}
