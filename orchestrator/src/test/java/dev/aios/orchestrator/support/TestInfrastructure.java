package dev.aios.orchestrator.support;

import dev.aios.agent.testkit.AiosTestInfrastructure;

/**
 * The real services, isolated per test JVM through agent-base's test kit: a fresh PostgreSQL database, a fresh
 * RabbitMQ vhost and a unique Redis key prefix, all removed when the JVM exits (after the Spring context, whose
 * connections the forced drop closes).
 */
public final class TestInfrastructure {
    private static TestInfrastructure shared;

    public final String database;
    public final String vhost;
    public final String redisPrefix;
    private final String jdbcUrl;

    private TestInfrastructure(
            AiosTestInfrastructure.TemporaryDatabase db,
            AiosTestInfrastructure.TemporaryVhost vh,
            AiosTestInfrastructure.TemporaryRedisPrefix prefix) {
        this.database = db.name();
        this.jdbcUrl = db.jdbcUrl();
        this.vhost = vh.name();
        this.redisPrefix = prefix.prefix();
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            var kit = AiosTestInfrastructure.get();
            var db = kit.createDatabase();
            var vhost = kit.createVhost();
            var prefix = kit.createRedisPrefix();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeQuietly(db);
                closeQuietly(vhost);
                closeQuietly(prefix);
            }));
            shared = new TestInfrastructure(db, vhost, prefix);
        }
        return shared;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("test infrastructure cleanup failed: " + e.getMessage());
        }
    }
}
