package dev.aios.architecture.seeded.paired.api.internal;

import dev.aios.architecture.seeded.paired.api.Store;
import dev.aios.architecture.seeded.paired.other.Audit;

/** The implementation of the API's interface; with {@link Audit} it closes a cycle through another package. */
public final class MemoryStore implements Store {
    @Override
    public String get(String key) {
        return Audit.seen(key);
    }
}
