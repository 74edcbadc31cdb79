package dev.aios.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.orchestrator.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Base of the fault tests: the whole orchestrator on a random port, in a context of its own (closed after the
 * class) so no other test's context shares its database, vhost or Redis. Each subclass points one service at a
 * private instance it may kill, and the others at fresh resources on the shared services.
 */
@ExtendWith(
        FaultIntegrationTest.CloseAfterContext
                .class) // before SpringExtension, so its afterAll runs after the context closed
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class FaultIntegrationTest {
    protected static final AiosTestInfrastructure KIT = AiosTestInfrastructure.get();
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @LocalServerPort
    protected int port;

    protected final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected List<String> submit(int projects, String name) throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < projects; i++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + TestTokens.admin())
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + i
                                    + "\",\"brief\":\"Two services with web pages.\",\"budgetMicros\":5000000}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            Matcher m = ID.matcher(response.body());
            assertThat(m.find()).isTrue();
            ids.add(m.group(1));
        }
        return ids;
    }

    /**
     * Points the app at the services a test chose: a database, a broker (a port only for a private node) and vhost,
     * and Redis (a port only for a private server) with the key prefix of both the orchestrator and agent-base.
     */
    protected static void useServices(
            DynamicPropertyRegistry registry,
            Supplier<Object> jdbcUrl,
            @Nullable Supplier<Object> rabbitPort,
            Supplier<Object> vhost,
            @Nullable Supplier<Object> redisPort,
            Supplier<Object> redisPrefix) {
        registry.add("spring.datasource.url", jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        if (rabbitPort != null) {
            registry.add("spring.rabbitmq.port", rabbitPort);
        }
        registry.add("spring.rabbitmq.virtual-host", vhost);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        if (redisPort != null) {
            registry.add("spring.data.redis.port", redisPort);
        }
        registry.add("aios.orchestrator.redis-key-prefix", redisPrefix);
        registry.add("aios.messaging.redis-key-prefix", redisPrefix);
        TestTokens.register(registry);
    }

    private static final java.util.Deque<AutoCloseable> AFTER_CONTEXT =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    /**
     * Closes the resources (private servers, temporary database and vhost) once the class's Spring context is closed,
     * last registered first, whether the tests passed or not; a shutdown hook is the backstop if the JVM dies.
     */
    protected static <T extends AutoCloseable> T closeAfterContext(T resource) {
        AFTER_CONTEXT.push(resource);
        return resource;
    }

    static final class CloseAfterContext implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            while (!AFTER_CONTEXT.isEmpty()) {
                AutoCloseable resource = AFTER_CONTEXT.pop();
                System.out.println("fault test cleanup: closing " + resource);
                closeQuietly(resource);
            }
        }
    }

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> AFTER_CONTEXT.forEach(FaultIntegrationTest::closeQuietly)));
    }

    /** Awaits the condition; false instead of an exception, so a test can print its figures before the verdict. */
    protected static boolean within(Duration limit, java.util.concurrent.Callable<Boolean> condition) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(limit)
                    .pollInterval(Duration.ofMillis(250))
                    .until(condition);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    protected static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    System.err.println("fault test cleanup: " + r + ": " + e.getMessage());
                }
            }
        }
    }
}
