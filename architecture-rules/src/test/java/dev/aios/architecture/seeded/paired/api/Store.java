package dev.aios.architecture.seeded.paired.api;

import dev.aios.architecture.seeded.paired.api.internal.MemoryStore;

/** An API interface that builds its own implementation: the API and its internal package depend on each other. */
public interface Store {
    String get(String key);

    static Store inMemory() {
        return new MemoryStore();
    }
}
