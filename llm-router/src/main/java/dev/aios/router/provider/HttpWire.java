package dev.aios.router.provider;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends a JSON request and hands back the body, or the server-sent-event data lines; non-2xx becomes an error. */
final class HttpWire {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String provider;

    HttpWire(HttpClient http, String provider) {
        this.http = http;
        this.provider = provider;
    }

    /** A provider body or SSE data line as JSON; anything else is a malformed answer from this provider. */
    JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw ProviderErrors.malformed(provider, "not JSON", e);
        }
    }

    String post(HttpRequest request) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw error(response, response.body());
        }
        return response.body();
    }

    /** Feeds each SSE event (its {@code event:} name, possibly empty, and its {@code data:} payload) to the handler. */
    void postStreaming(HttpRequest request, Consumer<SseEvent> handler) {
        HttpResponse<Stream<String>> response = send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw error(response, lines.collect(Collectors.joining("\n")));
            }
            String event = "";
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    handler.accept(new SseEvent(event, line.substring(5).trim()));
                } else if (line.isEmpty()) {
                    event = "";
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw ProviderErrors.transport(provider, e.getCause());
        }
    }

    record SseEvent(String event, String data) {}

    private ProviderException error(HttpResponse<?> response, String body) {
        return ProviderErrors.fromStatus(
                provider, response.statusCode(), response.headers().firstValue("Retry-After"), body);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw ProviderErrors.transport(provider, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderErrors.timeout(provider, "interrupted", e);
        }
    }
}
