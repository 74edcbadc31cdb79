package dev.aios.router.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.policy.Tier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierResolverTest {

    private static RouterProperties.TierProperties tier(String provider, String baseUrl, String key) {
        return new RouterProperties.TierProperties(
                provider,
                "m-" + provider,
                baseUrl,
                key,
                new BigDecimal("1"),
                new BigDecimal("2"),
                1000,
                Duration.ofSeconds(3));
    }

    private static RouterProperties properties(Map<String, RouterProperties.TierProperties> tiers) {
        return new RouterProperties(tiers, null, null, null, null, null, null);
    }

    @Test
    void aTierIsAvailableOnlyWithWhatItsProviderNeeds() {
        // given
        RouterProperties props = properties(Map.of(
                "local", tier("openai-compatible", "", ""),
                "gpt", tier("openai", "https://api.openai.com/v1", ""),
                "claude", tier("anthropic", "https://api.anthropic.com/v1", "sk-ant")));

        // when
        Map<Tier, TierSpec> specs = TierResolver.resolve(props, false);

        // then
        assertThat(specs.get(Tier.LOCAL).available()).isFalse();
        assertThat(specs.get(Tier.LOCAL).why()).isEqualTo("no base URL configured");
        assertThat(specs.get(Tier.GPT).available()).isFalse();
        assertThat(specs.get(Tier.GPT).why()).isEqualTo("no API key configured");
        assertThat(specs.get(Tier.CLAUDE).available()).isTrue();
        assertThat(specs.get(Tier.CLAUDE).pricing().costMicros(1, 1)).isEqualTo(3);
        assertThat(specs.get(Tier.CLAUDE).endpoint().toString())
                .doesNotContain("sk-ant")
                .contains("apiKey=<set>");
    }

    @Test
    void noTierIsAvailableWhenNoLiveProviderIsConfiguredAndNothingIsReplayed() {
        Map<Tier, TierSpec> specs =
                TierResolver.resolve(properties(Map.of("gpt", tier("openai", "https://x/v1", ""))), false);

        assertThat(specs.values()).noneMatch(TierSpec::available);
        assertThat(specs).hasSize(3);
    }

    @Test
    void everyTierReplaysWhenRecordingsAreReplayedEvenWithALiveKey() {
        Map<Tier, TierSpec> specs =
                TierResolver.resolve(properties(Map.of("claude", tier("anthropic", "https://x/v1", "sk-ant"))), true);

        assertThat(specs.values()).allSatisfy(spec -> {
            assertThat(spec.available()).isTrue();
            assertThat(spec.endpoint().provider()).isEqualTo("replay");
            assertThat(spec.endpoint().apiKey()).isEmpty();
        });
        assertThat(specs).hasSize(3);
    }

    @Test
    void aMisspelledTierOrProviderFailsStartUp() {
        assertThatThrownBy(() -> TierResolver.resolve(properties(Map.of("claud", tier("anthropic", "", "k"))), false))
                .hasMessageContaining("unknown tier 'claud'");
        assertThatThrownBy(() -> TierResolver.resolve(properties(Map.of("gpt", tier("gemini", "", "k"))), false))
                .hasMessageContaining("unknown provider 'gemini'");
    }
}
