package dev.aios.router;

import dev.aios.router.policy.Tier;
import dev.aios.router.tier.TierSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness: a router that can answer nothing must not take traffic. It is up when some tier has a live model or
 * recordings are replayed, and down with the reason and the ways out otherwise.
 */
final class ModelsHealthIndicator implements HealthIndicator {
    static final String NO_MODEL = "no model is configured and no recording is replayed: set ANTHROPIC_API_KEY or"
            + " OPENAI_API_KEY, point AIOS_LOCAL_MODEL_URL at an OpenAI-compatible server (Ollama, vLLM, llama.cpp), or"
            + " set AIOS_ROUTER_REPLAY to a cassette";

    private final Map<Tier, TierSpec> tiers;

    ModelsHealthIndicator(Map<Tier, TierSpec> tiers) {
        this.tiers = Map.copyOf(tiers);
    }

    @Override
    public Health health() {
        Map<String, String> details = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            TierSpec spec = tiers.get(tier);
            details.put(
                    tier.id(),
                    spec.available()
                            ? spec.endpoint().provider() + " " + spec.endpoint().model()
                            : "unavailable: " + spec.why());
        }
        boolean any = tiers.values().stream().anyMatch(TierSpec::available);
        Health.Builder health = any ? Health.up() : Health.down().withDetail("reason", NO_MODEL);
        return health.withDetails(details).build();
    }
}
