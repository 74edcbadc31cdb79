package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

/**
 * Where an answer came from: the prompt version and the model of the last call, and whether it was replayed from a
 * recording or repaired once. It travels beside a result, never inside a summary or notes, so it cannot reach the next
 * prompt; the delivered repository writes it into commit trailers.
 */
public record Provenance(
        String promptVersion, String tier, String provider, String model, boolean recorded, boolean repaired) {
    public static final Provenance NONE = new Provenance("", "", "", "", false, false);

    public Provenance {
        requireNonNull(promptVersion, "prompt version");
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
    }
}
