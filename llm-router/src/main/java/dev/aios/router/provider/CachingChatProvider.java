package dev.aios.router.provider;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolDefinition;
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
                TokenSink.replay(hit.get().content(), hit.get().toolCalls(), sink);
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
            canonical
                    .append(m.role().toLowerCase(Locale.ROOT))
                    .append('\u0001')
                    .append(m.content().strip())
                    .append('\u0000');
            // tool parts only when present, so that the keys of plain chats stay what they were
            for (ToolCall call : m.toolCalls()) {
                canonical
                        .append("tool_call\u0001")
                        .append(call.id())
                        .append('\u0001')
                        .append(call.name())
                        .append('\u0001')
                        .append(call.arguments())
                        .append('\u0000');
            }
            if (!m.toolCallId().isEmpty()) {
                canonical.append("tool_call_id\u0001").append(m.toolCallId()).append('\u0000');
            }
        }
        for (ToolDefinition tool : request.tools().definitions()) {
            canonical
                    .append("tool\u0001")
                    .append(tool.name())
                    .append('\u0001')
                    .append(tool.description())
                    .append('\u0001')
                    .append(tool.parameters())
                    .append('\u0000');
        }
        request.tools()
                .choice()
                .ifPresent(choice -> canonical
                        .append("tool_choice\u0001")
                        .append(choice.mode())
                        .append('\u0001')
                        .append(choice.toolName())
                        .append('\u0000'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
