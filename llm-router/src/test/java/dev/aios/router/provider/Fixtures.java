package dev.aios.router.provider;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Requests, endpoints and fast resilience settings shared by the provider tests. */
final class Fixtures {
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Fixtures() {}

    static ProviderRequest request(String prompt) {
        return new ProviderRequest(
                List.of(ChatMessage.system("be brief"), ChatMessage.user(prompt)),
                0.0,
                100,
                false,
                CallMetadata.none());
    }

    static ProviderRequest streaming(String prompt) {
        return new ProviderRequest(List.of(ChatMessage.user(prompt)), 0.0, 100, true, CallMetadata.none());
    }

    static ProviderEndpoint endpoint(String tier, String provider, URI baseUrl, Duration timeout) {
        return new ProviderEndpoint(tier, provider, "model-" + tier, baseUrl, "sk-test-secret", timeout);
    }

    static ResilienceSettings fast() {
        return new ResilienceSettings(
                3,
                Duration.ofMillis(10),
                2.0,
                Duration.ofMillis(50),
                0.2,
                Duration.ofSeconds(5),
                4,
                4,
                50f,
                Duration.ofMinutes(1),
                4,
                Duration.ofMillis(50));
    }

    /** The production order, outside in: retrying, circuit breaking, time limited, bulkhead, adapter. */
    static ChatProvider resilient(ChatProvider adapter, String name, Duration timeout, ResilienceSettings settings) {
        return new RetryingChatProvider(
                new CircuitBreakingChatProvider(
                        new TimeLimitedChatProvider(new BulkheadChatProvider(adapter, name, settings), name, timeout),
                        name,
                        settings),
                name,
                settings);
    }
}
