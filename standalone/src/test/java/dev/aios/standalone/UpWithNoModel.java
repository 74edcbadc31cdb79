package dev.aios.standalone;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.aios.events.v1.Envelope;
import dev.aios.standalone.infra.Endpoints;
import dev.aios.standalone.infra.FreePorts;
import dev.aios.standalone.infra.Infrastructure;
import dev.aios.standalone.platform.Platform;
import dev.aios.standalone.scenario.Scenarios;
import dev.aios.standalone.tokens.LocalTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * The platform as {@code ./aios up} runs it with no model configured (the bundled recordings replay; any other brief
 * fails NOT_RECORDED), with an {@code AIOS_HOME} of its own for the signing key and tokens; closing it stops the
 * platform and the embedded services and removes that home. For the ITs that drive the platform from outside.
 */
final class UpWithNoModel implements AutoCloseable {
    final Path home;
    final LocalTokens tokens;
    private final Infrastructure infrastructure;
    final Platform platform;

    private UpWithNoModel(Path home, LocalTokens tokens, Infrastructure infrastructure, Platform platform) {
        this.home = home;
        this.tokens = tokens;
        this.infrastructure = infrastructure;
        this.platform = platform;
    }

    static UpWithNoModel start(String name) throws Exception {
        RunPlan plan = RunPlan.of(
                StandaloneCommand.parse(new String[] {"up", "--port", Integer.toString(FreePorts.any())}),
                Map.of(),
                Scenarios.bundled());
        Path home = Files.createTempDirectory("aios-" + name + "-home-");
        LocalTokens tokens = LocalTokens.open(Map.of("AIOS_HOME", home.toString()));
        Infrastructure infrastructure = Infrastructure.start(Map.of());
        try {
            // the router listens, as in `up`: the agents reach it over HTTP with the token the platform made at start
            Platform platform = Platform.start(
                    infrastructure.endpoints(),
                    infrastructure.knowledge(),
                    tokens,
                    FreePorts.any(),
                    FreePorts.any(),
                    "127.0.0.1",
                    plan.routerSettings());
            return new UpWithNoModel(home, tokens, infrastructure, platform);
        } catch (Exception | Error e) {
            infrastructure.close();
            delete(home);
            throw e;
        }
    }

    /**
     * Puts a letter in a dead-letter queue of the platform's broker, as an agent's runtime leaves one it could not
     * process: an envelope of {@code type} for {@code project}, confirmed by the broker before this returns.
     */
    void deadLetter(String queue, String type, String project) throws Exception {
        Endpoints broker = infrastructure.endpoints();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.rabbitHost());
        factory.setPort(broker.rabbitPort());
        factory.setUsername(broker.rabbitUser());
        factory.setPassword(broker.rabbitPassword());
        factory.setVirtualHost(broker.rabbitVirtualHost());
        Envelope envelope = Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(type)
                .setStreamId("project-" + project)
                .setCorrelationId(project)
                .build();
        try (Connection connection = factory.newConnection("up-with-no-model-test");
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(
                    "",
                    queue,
                    new AMQP.BasicProperties.Builder()
                            .messageId(envelope.getEventId())
                            .type(envelope.getType())
                            .deliveryMode(2)
                            .build(),
                    envelope.toByteArray());
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    /** The API's address, {@code http://127.0.0.1:<port>}. */
    URI api() {
        return URI.create("http://127.0.0.1:" + platform.apiPort());
    }

    @Override
    public void close() throws IOException {
        try {
            platform.close();
        } finally {
            infrastructure.close();
            delete(home);
        }
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
