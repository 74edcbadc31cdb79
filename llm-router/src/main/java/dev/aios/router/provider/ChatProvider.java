package dev.aios.router.provider;

/**
 * One tier's model behind one provider. Streaming and non-streaming share this single method: when the request
 * streams, text arrives at the sink as it is produced and the reply still carries the whole answer and its usage.
 * Failures are {@link ProviderException}s.
 */
public interface ChatProvider {
    ProviderReply chat(ProviderRequest request, TokenSink sink);
}
