package dev.aios.orchestrator.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the orchestrator's integration tests: the whole app on a random port against the real services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OrchestratorIntegrationTest {
    protected static final TestInfrastructure INFRA = TestInfrastructure.shared();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", INFRA::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.virtual-host", () -> INFRA.vhost);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("aios.orchestrator.redis-key-prefix", () -> INFRA.redisPrefix);
        registry.add("aios.messaging.redis-key-prefix", () -> INFRA.redisPrefix);
        registry.add("aios.orchestrator.sse-heartbeat-interval", () -> "500ms");
        registry.add("aios.orchestrator.lease-duration", () -> "20s");
        TestTokens.register(registry);
    }

    /** A request to this app with an admin's token of tenant {@link TestTokens#TENANT}. */
    protected java.net.http.HttpRequest.Builder request(String path) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Authorization", "Bearer " + TestTokens.admin());
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
