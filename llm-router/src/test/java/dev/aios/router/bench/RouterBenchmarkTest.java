package dev.aios.router.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RouterBenchmarkTest {

    @Nested
    class CommandLine {
        @Test
        void givenNoArgumentsWhenParsedThenTheDefaultsAndTheDeploymentFlagsApply() {
            // when
            RouterBenchmark.Options options = RouterBenchmark.Options.parse();
            // then
            assertThat(options.decisions()).isEqualTo(50_000);
            assertThat(options.calls()).isEqualTo(5_000);
            assertThat(String.join(" ", options.routerJvm())).isEqualTo(RouterBenchmark.ROUTER_JVM);
        }

        @Test
        void givenNumbersAndRouterFlagsWhenParsedThenEachIsTaken() {
            // when
            RouterBenchmark.Options options =
                    RouterBenchmark.Options.parse("2000", "--router-jvm= -Xmx256m  -XX:+UseSerialGC ", "800");
            // then
            assertThat(options.decisions()).isEqualTo(2_000);
            assertThat(options.calls()).isEqualTo(800);
            assertThat(options.routerJvm()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        }

        @Test
        void givenAWordOrANegativeNumberWhenParsedThenTheMessageNamesItAndShowsTheUsage() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RouterBenchmark.Options.parse("lots"))
                    .withMessageContaining("'lots'")
                    .withMessageContaining("usage: ./aios bench router");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RouterBenchmark.Options.parse("-5"))
                    .withMessageContaining("'-5'");
        }

        @Test
        void givenTooFewCallsForAQuarterlyP99WhenParsedThenItIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RouterBenchmark.Options.parse("50000", "399"))
                    .withMessageContaining("at least 400");
        }

        @Test
        void givenThreeNumbersOrEmptyRouterFlagsWhenParsedThenTheyAreRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RouterBenchmark.Options.parse("5000", "5000", "5000"))
                    .withMessageContaining("at most two numbers");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RouterBenchmark.Options.parse("--router-jvm= "))
                    .withMessageContaining("--router-jvm needs JVM flags");
        }
    }

    @Nested
    class ActivityLine {
        @Test
        void givenAReadingWhenSentAsALineThenTheOtherSideParsesTheSameReading() {
            // given
            JvmActivity reading = new JvmActivity(3, 17, 2, 40, 1_234, 9_000_000);
            // when
            JvmActivity parsed = JvmActivity.parse(reading.line());
            // then
            assertThat(parsed).isEqualTo(reading);
            assertThat(parsed.minus(new JvmActivity(1, 7, 2, 40, 1_000, 1_000_000)))
                    .isEqualTo(new JvmActivity(2, 10, 0, 0, 234, 8_000_000));
        }

        @Test
        void givenAnythingElseWhenParsedThenItIsRefused() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> JvmActivity.parse("port 8080"))
                    .withMessageContaining("not an activity line");
        }

        @Test
        void givenNoConcurrentCyclesWhenDescribedThenOnlyPausesAndJitAreShown() {
            assertThat(new JvmActivity(3, 5, 0, 0, 12, 0).describe()).isEqualTo("GC 3 pauses / 5 ms, JIT 12 ms");
            assertThat(new JvmActivity(1, 1, 2, 30, 0, 0).describe())
                    .isEqualTo("GC 1 pauses / 1 ms (+ 2 concurrent cycles / 30 ms), JIT 0 ms");
        }
    }

    @Test
    void givenCpuNanosWhenSpreadOverCallsThenMicrosecondsPerCall() {
        assertThat(new JvmActivity(0, 0, 0, 0, 0, 5_000_000).cpuMicrosPerCall(1_000))
                .isEqualTo(5.0);
    }

    @Test
    void givenNearestRankWhenAPercentileIsTakenOfASliceThenOnlyThatSliceCounts() {
        // given
        long[] nanos = {100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100};
        // then
        assertThat(Latencies.percentile(nanos, 1, 10, 0.5)).isEqualTo(5);
        assertThat(Latencies.percentile(nanos, 1, 10, 0.99)).isEqualTo(10);
        assertThat(Latencies.percentile(nanos, 0.99)).isEqualTo(100);
        assertThat(List.of(Latencies.percentile(nanos, 0, 1, 0.5))).containsExactly(100L);
    }
}
