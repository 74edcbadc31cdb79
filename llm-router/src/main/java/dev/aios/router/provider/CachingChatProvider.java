package dev.aios.router.provider;

import dev.aios.router.client.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers deterministic requests (temperature 0) from the cache, keyed by a hash of the normalised request and the
 * model. A streamed answer is stored only once it completed; scripted answers are never stored.
 */
public final class CachingChatProvider implements ChatProvider {
    private final ChatProvider delegate;
    private final ResponseCache cache;
    private final String model;

    public CachingChatProvider(ChatProvider delegate, ResponseCache cache, String model) {
        this.delegate = delegate;
        this.cache = cache;
        this.model = model;
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        if (request.temperature() != 0.0) {
            return delegate.chat(request, sink);
        }
        String key = key(model, request);
        Optional<ProviderReply> hit = cache.get(key);
        if (hit.isPresent()) {
            if (request.stream()) {
                sink.accept(hit.get().content());
            }
            return hit.get().asCached();
        }
        ProviderReply reply = delegate.chat(request, sink);
        if (!reply.scripted()) {
            cache.put(key, reply);
        }
        return reply;
    }

    /** Streaming or not gives the same answer, so it is not part of the key; whitespace at the ends is noise. */
    static String key(String model, ProviderRequest request) {
        StringBuilder canonical = new StringBuilder("v1\u0000").append(model).append('\u0000');
        canonical.append(request.maxOutputTokens()).append('\u0000');
        for (ChatMessage m : request.messages()) {
            canonical.append(m.role().toLowerCase(Locale.ROOT)).append('\u0001').append(m.content().strip()).append('\u0000');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
