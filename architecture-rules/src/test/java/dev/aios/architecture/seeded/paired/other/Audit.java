package dev.aios.architecture.seeded.paired.other;

import dev.aios.architecture.seeded.paired.api.Store;

/** Depends on the API package, which (through its internal package) depends on this one: a real cycle. */
public final class Audit {
    private Audit() {}

    public static String seen(String key) {
        return Store.class.getSimpleName() + ":" + key;
    }
}
