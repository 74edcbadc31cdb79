package dev.aios.router.cache;

import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ResponseCache;
import java.util.Optional;

/** No cache: every call goes to its provider. */
public final class DisabledResponseCache implements ResponseCache {
    @Override
    public Optional<ProviderReply> get(String key) {
        return Optional.empty();
    }

    @Override
    public void put(String key, ProviderReply reply) {}
}
