package dev.aios.orchestrator.budget;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The LLM router's {@code GET /v1/budgets/{projectId}} as it answers on the wire (llm-router's BudgetController and
 * ProblemResponses): a balance as JSON, an unknown project as a 404 problem, a token it does not know as a 401 problem,
 * a service that may not read as a 403 problem. Only the one token it was given may read.
 */
public final class FakeRouter implements AutoCloseable {
    private final HttpServer server;
    private final String token;
    private final Map<String, String> balances = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int forcedStatus;
    private volatile Duration delay = Duration.ZERO;

    private FakeRouter(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeRouter start(String token) {
        try {
            return new FakeRouter(token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The ledger the router holds for a project; a limit of null means no call named one yet. */
    public FakeRouter holds(String projectId, Long limit, long spent, long reserved) {
        String left = limit == null ? "null" : Long.toString(Math.max(0, limit - spent - reserved));
        balances.put(
                projectId,
                "{\"projectId\":\"" + projectId + "\",\"limitMicros\":" + (limit == null ? "null" : limit)
                        + ",\"spentMicros\":" + spent + ",\"reservedMicros\":" + reserved + ",\"leftMicros\":" + left
                        + "}");
        return this;
    }

    /**
     * Every request is answered with this status: 403, the caller may not read; 503, the ledger is down; 404, a router
     * without this endpoint.
     */
    public FakeRouter answersAll(int status) {
        this.forcedStatus = status;
        return this;
    }

    public FakeRouter slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            String path = exchange.getRequestURI().getPath();
            if (!("Bearer " + token).equals(authorization)) {
                problem(
                        exchange,
                        401,
                        "unauthenticated",
                        "Not an authenticated AIOS service",
                        "the bearer token matches no AIOS service",
                        true);
            } else if (forcedStatus == 403) {
                problem(
                        exchange,
                        403,
                        "forbidden",
                        "Not allowed for this caller",
                        "this caller may not use " + path,
                        true);
            } else if (forcedStatus == 503) {
                problem(
                        exchange,
                        503,
                        "budget-ledger-unavailable",
                        "Budget ledger unavailable",
                        "the router cannot read the budget ledger: Connection refused",
                        false);
            } else if (forcedStatus == 404 || !path.startsWith("/v1/budgets/")) {
                // what Spring answers for a path the router does not map
                send(
                        exchange,
                        404,
                        "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No static resource "
                                + path + ".\",\"instance\":\"" + path + "\"}");
            } else {
                String project = path.substring("/v1/budgets/".length());
                String balance = balances.get(project);
                if (balance == null) {
                    problem(
                            exchange,
                            404,
                            "unknown-project",
                            "Unknown project",
                            "the budget ledger holds nothing for project '" + project
                                    + "': no call of it has been metered (or the ledger lost its state)",
                            false);
                } else {
                    send(exchange, 200, "application/json", balance);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void problem(
            HttpExchange exchange, int status, String type, String title, String detail, boolean unauthorized)
            throws IOException {
        String body = "{\"type\":\"https://aios.dev/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + exchange.getRequestURI().getPath()
                + "\"" + (unauthorized ? ",\"kind\":\"UNAUTHORIZED\"" : "") + ",\"retriable\":" + (status == 503)
                + "}";
        if (status == 401) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"aios-llm-router\"");
        }
        send(exchange, status, "application/problem+json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
