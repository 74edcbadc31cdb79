package dev.aios.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orchestrator's REST API over the JDK's HTTP client, with a bearer token. Every failure becomes a {@link CliFailure}
 * whose message is one line: the server's problem detail, or why the server could not be reached.
 */
final class ApiClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration ANSWER = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT).build();

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) {
        return json(send(request(path).GET(), HttpResponse.BodyHandlers.ofString()));
    }

    JsonNode post(String path, @Nullable String body) {
        var request = request(path);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return json(send(request, HttpResponse.BodyHandlers.ofString()));
    }

    byte[] download(String path) {
        HttpResponse<byte[]> response = send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        return response.body();
    }

    /** One server-sent event: its id (a stream version) and its JSON data. */
    record Event(String id, String type, JsonNode data) {}

    /**
     * Reads the server-sent events of {@code path} after {@code lastEventId} and hands each to {@code onEvent} until the
     * server ends the stream or {@code onEvent} returns false.
     */
    void events(String path, @Nullable String lastEventId, Predicate<Event> onEvent) {
        var request = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = "";
            String type = "message";
            var data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() && !onEvent.test(new Event(id, type, parse(data.toString())))) {
                        return;
                    }
                    id = "";
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n")
                            .append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            throw new CliFailure("the event stream from " + base + " broke off: " + reason(e));
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .timeout(ANSWER)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json, application/zip");
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpRequest built = request.build();
        HttpResponse<T> response;
        try {
            response = http.send(built, body);
        } catch (HttpConnectTimeoutException e) {
            throw new CliFailure("cannot reach " + base + ": no answer to the connection within " + CONNECT.toSeconds()
                    + " s; is the address right (--url)?");
        } catch (ConnectException e) {
            throw new CliFailure("cannot reach " + base
                    + ": connection refused; is the platform running (`./aios up`)? " + "--url sets the address");
        } catch (HttpTimeoutException e) {
            throw new CliFailure(base + " did not answer " + built.method() + " "
                    + built.uri().getPath() + " within " + ANSWER.toSeconds() + " s");
        } catch (IOException e) {
            throw new CliFailure("cannot reach " + base + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
        if (response.statusCode() >= 400) {
            throw new CliFailure(refusal(response));
        }
        return response;
    }

    /** "Not found: no project 42 (HTTP 404)", from the problem detail when there is one. */
    private String refusal(HttpResponse<?> response) {
        String text = switch (response.body()) {
            case String s -> s;
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            case InputStream in -> readQuietly(in);
            default -> "";
        };
        int status = response.statusCode();
        String message;
        try {
            JsonNode problem = JSON.readTree(text);
            String title = problem.path("title").asString("");
            String detail = problem.path("detail").asString("");
            message = title.isEmpty() ? detail : detail.isEmpty() ? title : title + ": " + detail;
        } catch (JacksonException e) {
            message = "";
        }
        if (message.isBlank()) {
            message = "the server answered " + status;
        }
        String hint = status == 401 ? "; mint a token with `./aios token --role ROLE` or pass --token-file" : "";
        return message.replaceAll("\\s+", " ") + " (HTTP " + status + ")" + hint;
    }

    private static String readQuietly(InputStream in) {
        try (in) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text.isEmpty() ? "{}" : text);
        } catch (JacksonException e) {
            throw new CliFailure("the server's answer is not JSON: "
                    + text.lines().findFirst().orElse(""));
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
