package dev.aios.router.fake;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.router.LlmRouterApplication;
import dev.aios.router.client.RouterToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One router replica in this JVM: its own Spring context and port, configured by properties. Every replica admits one
 * AIOS service, the backend agent, whose token {@link #CALLER} its calls send (ADR 0041).
 */
public final class RouterInstance implements AutoCloseable {
    public static final RouterToken CALLER = RouterToken.generate();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final URI baseUrl;

    private RouterInstance(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = URI.create("http://127.0.0.1:" + port);
    }

    /** The properties go in as command-line arguments, so they win over {@code application.yml} as a deployment's would. */
    public static RouterInstance start(Map<String, Object> properties) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(properties);
        all.putIfAbsent("aios.router.clients.agents-backend.token-sha256", CALLER.sha256Hex());
        all.put("server.port", "0");
        all.put("server.address", "127.0.0.1");
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RouterInstance(new SpringApplicationBuilder(LlmRouterApplication.class).run(args));
    }

    /**
     * A replica that answers every call on the gpt tier from {@code provider}, with no cache, on the shared broker (in
     * its own vhost) and Redis: what the ledger and rate-limit tests start, plus their own {@code settings}.
     */
    public static RouterInstance gptOnly(
            URI provider,
            AiosTestInfrastructure infra,
            AiosTestInfrastructure.TemporaryVhost vhost,
            Map<String, Object> settings) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of(
                "aios.router.cache.enabled", "false",
                "aios.router.policy", "fixed",
                "aios.router.default-tier", "gpt",
                "aios.router.tiers.gpt.base-url", provider.toString(),
                "aios.router.tiers.gpt.api-key", "sk-it",
                "aios.router.tiers.claude.api-key", "",
                "aios.router.tiers.local.base-url", ""));
        all.putAll(Map.of(
                "spring.rabbitmq.host", infra.rabbit().host(),
                "spring.rabbitmq.port", infra.rabbit().port(),
                "spring.rabbitmq.username", infra.rabbit().username(),
                "spring.rabbitmq.password", infra.rabbit().password(),
                "spring.rabbitmq.virtual-host", vhost.name(),
                "spring.data.redis.host", infra.redis().host(),
                "spring.data.redis.port", infra.redis().port()));
        all.putAll(settings);
        return start(all);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A plain chat completion with the given {@code X-AIOS-*} headers; the raw answer, so refusals can be read. */
    public HttpResponse<String> chat(String userMessage, int maxTokens, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + CALLER.value())
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"auto\",\"max_tokens\":" + maxTokens
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + userMessage + "\"}]}"));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
