package dev.aios.router.client;

/**
 * One LLM call through the router. Implementations: over HTTP to the router service's OpenAI-compatible
 * endpoint, or in-process in the standalone launcher. Failures are {@link LlmCallException}s.
 */
public interface LlmClient {
    LlmResponse chat(LlmRequest request);
}
