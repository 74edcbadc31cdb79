package dev.aios.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which live models are configured (a key or a local model URL); none means only recordings can answer. */
record ProviderMode(List<String> configured) {
    static final List<String> VARIABLES = List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "AIOS_LOCAL_MODEL_URL");

    static ProviderMode detect(Map<String, String> env) {
        List<String> configured = new ArrayList<>();
        for (String name : VARIABLES) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                configured.add(name);
            }
        }
        return new ProviderMode(List.copyOf(configured));
    }

    boolean live() {
        return !configured.isEmpty();
    }
}
