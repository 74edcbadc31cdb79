package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderModeTest {

    @Test
    void withoutKeysOrALocalModelEveryAnswerIsDeclaredScripted() {
        ProviderMode mode = ProviderMode.detect(Map.of("OPENAI_API_KEY", "  ", "PATH", "/usr/bin"));

        assertThat(mode.scripted()).isTrue();
        assertThat(mode.banner()).startsWith("MODE: SCRIPTED").contains("not a live model");
    }

    @Test
    void anyConfiguredProviderMeansLiveModelsAndNamesWhichWithoutShowingTheKey() {
        ProviderMode mode = ProviderMode.detect(Map.of("ANTHROPIC_API_KEY", "sk-ant-secret", "AIOS_LOCAL_MODEL_URL", "http://gpu:8000/v1"));

        assertThat(mode.scripted()).isFalse();
        assertThat(mode.banner()).startsWith("MODE: LIVE MODELS")
                .contains("ANTHROPIC_API_KEY", "AIOS_LOCAL_MODEL_URL")
                .doesNotContain("sk-ant-secret");
    }
}
