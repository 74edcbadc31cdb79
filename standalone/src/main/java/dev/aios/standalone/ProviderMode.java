package dev.aios.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether real models can answer (a key or a local model URL is set) or only the scripted provider can. */
record ProviderMode(List<String> configured) {
    static ProviderMode detect(Map<String, String> env) {
        List<String> configured = new ArrayList<>();
        for (String name : List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "AIOS_LOCAL_MODEL_URL")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                configured.add(name);
            }
        }
        return new ProviderMode(List.copyOf(configured));
    }

    boolean scripted() {
        return configured.isEmpty();
    }

    String banner() {
        if (scripted()) {
            return "MODE: SCRIPTED - no ANTHROPIC_API_KEY, OPENAI_API_KEY or AIOS_LOCAL_MODEL_URL is set, so every model answer"
                    + " below is a recorded response replayed by the scripted provider, not a live model.";
        }
        return "MODE: LIVE MODELS - " + String.join(", ", configured) + " set: the router calls real providers"
                + " (tiers without a key are skipped).";
    }
}
