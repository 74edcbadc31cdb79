package dev.aios.router.policy;

import java.util.Locale;

/** A class of model: a local GPU model, a GPT-class model, or Claude. Configuration maps each to a provider and model. */
public enum Tier {
    LOCAL,
    GPT,
    CLAUDE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code local}, {@code gpt} or {@code claude}; anything else is an {@link IllegalArgumentException}. */
    public static Tier parse(String id) {
        for (Tier tier : values()) {
            if (tier.id().equals(id)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + id + "': expected one of local, gpt, claude");
    }
}
