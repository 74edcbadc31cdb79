package dev.aios.router.provider;

import java.util.Optional;

/** Exact-match answers by request hash. Implementations treat their own failures as misses. */
public interface ResponseCache {
    Optional<ProviderReply> get(String key);

    void put(String key, ProviderReply reply);
}
