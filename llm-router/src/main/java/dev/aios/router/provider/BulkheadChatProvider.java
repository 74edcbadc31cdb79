package dev.aios.router.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;

/** Caps concurrent calls to one provider so a slow provider cannot take every request thread with it. */
public final class BulkheadChatProvider implements ChatProvider {
    private final ChatProvider delegate;
    private final Bulkhead bulkhead;
    private final String name;

    public BulkheadChatProvider(ChatProvider delegate, String name, ResilienceSettings settings) {
        this.delegate = delegate;
        this.name = name;
        this.bulkhead = Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCalls())
                        .maxWaitDuration(settings.bulkheadMaxWait())
                        .build());
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        try {
            return bulkhead.executeSupplier(() -> delegate.chat(request, sink));
        } catch (BulkheadFullException e) {
            throw ProviderErrors.unavailable(name, "too many concurrent calls (bulkhead full)", false, e);
        }
    }
}
