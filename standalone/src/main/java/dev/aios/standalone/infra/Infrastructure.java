package dev.aios.standalone.infra;

import dev.aios.agent.messaging.qpid.EmbeddedQpidBroker;
import dev.aios.knowledge.KnowledgeBase;
import dev.aios.knowledge.KnowledgeBases;
import dev.aios.knowledge.QdrantSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker, database, cache and vector store the platform runs on: embedded ones (Qpid Broker-J, PostgreSQL, Redis,
 * an in-memory store) by default, or real services where they are configured ({@code AIOS_RABBITMQ_URL},
 * {@code AIOS_DATABASE_URL}, {@code AIOS_REDIS_URL}, {@code AIOS_QDRANT_HOST}).
 */
public final class Infrastructure implements AutoCloseable {
    private static final String EMBEDDED_BROKER_USER = "aios";
    private static final String EMBEDDED_BROKER_PASSWORD = "aios-embedded";

    private final Endpoints endpoints;
    private final KnowledgeBase knowledge;
    private final List<AutoCloseable> running;
    private final List<String> embedded;

    private Infrastructure(
            Endpoints endpoints, KnowledgeBase knowledge, List<AutoCloseable> running, List<String> embedded) {
        this.endpoints = endpoints;
        this.knowledge = knowledge;
        this.running = running;
        this.embedded = embedded;
    }

    public static Infrastructure start(Map<String, String> env) throws Exception {
        List<AutoCloseable> running = new ArrayList<>();
        List<String> embedded = new ArrayList<>();
        try {
            Broker broker = broker(env.get("AIOS_RABBITMQ_URL"), running, embedded);
            Database database = database(env, running, embedded);
            Cache cache = cache(env.get("AIOS_REDIS_URL"), running, embedded);
            Endpoints endpoints = new Endpoints(
                    broker.host(),
                    broker.port(),
                    broker.user(),
                    broker.password(),
                    broker.virtualHost(),
                    broker.dialect(),
                    database.jdbcUrl(),
                    database.user(),
                    database.password(),
                    cache.host(),
                    cache.port());
            return new Infrastructure(endpoints, knowledge(env, embedded), running, embedded);
        } catch (Exception | Error e) {
            closeAll(running);
            throw e;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** What runs embedded in this JVM (empty when every service is configured). */
    public List<String> embedded() {
        return List.copyOf(embedded);
    }

    /** Stops what was started, last first; safe to call twice and from the launcher's shutdown hook. */
    @Override
    public synchronized void close() {
        closeAll(running);
    }

    private static void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("aios: could not stop " + running.get(i) + ": " + e.getMessage());
            }
        }
        running.clear();
    }

    record Broker(String host, int port, String user, String password, String virtualHost, String dialect) {}

    record Database(String jdbcUrl, String user, String password) {}

    record Cache(String host, int port) {}

    private static Broker broker(String url, List<AutoCloseable> running, List<String> embedded) throws Exception {
        if (url != null && !url.isBlank()) {
            return configuredBroker(URI.create(url));
        }
        EmbeddedQpidBroker qpid = EmbeddedQpidBroker.start(0, EMBEDDED_BROKER_USER, EMBEDDED_BROKER_PASSWORD);
        running.add(qpid);
        embedded.add("Apache Qpid Broker-J (AMQP 0-9-1) on 127.0.0.1:" + qpid.port());
        return new Broker("127.0.0.1", qpid.port(), EMBEDDED_BROKER_USER, EMBEDDED_BROKER_PASSWORD, "default", "qpid");
    }

    /** {@code amqp://user:password@host:port/vhost}; user info and vhost may be %-escaped, as in RabbitMQ's URI spec. */
    static Broker configuredBroker(URI uri) {
        String[] credentials = uri.getRawUserInfo() == null
                ? new String[] {"guest", "guest"}
                : uri.getRawUserInfo().split(":", 2);
        for (int i = 0; i < credentials.length; i++) {
            credentials[i] = java.net.URLDecoder.decode(credentials[i], java.nio.charset.StandardCharsets.UTF_8);
        }
        String path = uri.getRawPath();
        String vhost = path == null || path.length() <= 1
                ? "/"
                : java.net.URLDecoder.decode(path.substring(1), java.nio.charset.StandardCharsets.UTF_8);
        return new Broker(
                uri.getHost(),
                uri.getPort() < 0 ? 5672 : uri.getPort(),
                credentials[0],
                credentials.length > 1 ? credentials[1] : "",
                vhost,
                "rabbitmq");
    }

    private static Database database(Map<String, String> env, List<AutoCloseable> running, List<String> embedded)
            throws IOException {
        String url = env.get("AIOS_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Database(
                    url, valueOr(env, "AIOS_DATABASE_USER", "postgres"), valueOr(env, "AIOS_DATABASE_PASSWORD", ""));
        }
        // stopped by the launcher after the services that use it, not by a shutdown hook of its own
        EmbeddedPostgres postgres =
                EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        running.add(postgres);
        embedded.add("PostgreSQL (zonky embedded) on 127.0.0.1:" + postgres.getPort());
        return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    private static Cache cache(String url, List<AutoCloseable> running, List<String> embedded) throws IOException {
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url);
            return new Cache(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        }
        EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.any());
        running.add(redis);
        embedded.add("Redis (embedded) on 127.0.0.1:" + redis.port());
        return new Cache("127.0.0.1", redis.port());
    }

    private static KnowledgeBase knowledge(Map<String, String> env, List<String> embedded) {
        String host = env.get("AIOS_QDRANT_HOST");
        if (host != null && !host.isBlank()) {
            String port = env.getOrDefault("AIOS_QDRANT_PORT", "");
            String apiKey = env.get("AIOS_QDRANT_API_KEY");
            return KnowledgeBases.qdrant(new QdrantSettings(
                    host,
                    port.isBlank() ? QdrantSettings.DEFAULT_GRPC_PORT : Integer.parseInt(port),
                    false,
                    Optional.ofNullable(apiKey == null || apiKey.isBlank() ? null : apiKey),
                    QdrantSettings.DEFAULT_COLLECTION));
        }
        embedded.add("vector store: in-memory (all-MiniLM-L6-v2 embeddings in-process)");
        return KnowledgeBases.inMemory();
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
