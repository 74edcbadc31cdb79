package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderModeTest {

    @Test
    void withoutKeysOrALocalModelNoLiveModelIsConfigured() {
        ProviderMode mode = ProviderMode.detect(Map.of("OPENAI_API_KEY", "  ", "PATH", "/usr/bin"));

        assertThat(mode.live()).isFalse();
        assertThat(mode.configured()).isEmpty();
    }

    @Test
    void anyConfiguredProviderMeansLiveModelsAndNamesWhichWithoutTheKey() {
        ProviderMode mode = ProviderMode.detect(
                Map.of("ANTHROPIC_API_KEY", "sk-ant-secret", "AIOS_LOCAL_MODEL_URL", "http://gpu:8000/v1"));

        assertThat(mode.live()).isTrue();
        assertThat(mode.configured()).containsExactly("ANTHROPIC_API_KEY", "AIOS_LOCAL_MODEL_URL");
    }
}
