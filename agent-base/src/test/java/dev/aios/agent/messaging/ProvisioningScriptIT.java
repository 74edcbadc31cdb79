package dev.aios.agent.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import dev.aios.agent.Role;
import dev.aios.agent.messaging.tls.TestCertificates;
import dev.aios.agent.messaging.tls.TlsRabbitNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's provisioning script (helm/aios/files/provision-rabbitmq.sh, also compose's) against the management API of
 * a private RabbitMQ node with only an AMQPS listener: the users it creates log in over TLS with their passwords (even
 * awkward ones) and get exactly the chart's permissions.
 */
class ProvisioningScriptIT {
    private static final String VHOST = "aios";
    private static final String AWKWARD_PASSWORD = "p\"a\\ss w$rd'%/";
    private static TlsRabbitNode node;
    private static Path spec;

    @BeforeAll
    static void startNodeAndWriteTheSpec() throws IOException {
        node = TlsRabbitNode.start(true);
        spec = node.certificates.file("users");
        var lines = new StringBuilder("# as the chart renders it\n");
        ChartBrokerUsers.chartUsers()
                .forEach((service, user) -> lines.append(user.username())
                        .append(' ')
                        .append(passwordVariable(service))
                        .append(' ')
                        .append(user.permissions().configure())
                        .append(' ')
                        .append(user.permissions().write())
                        .append(' ')
                        .append(user.permissions().read())
                        .append('\n'));
        Files.writeString(spec, lines);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void createsEveryServicesUserWithThePermissionsOfTheChartAndIsIdempotent() throws Exception {
        // when: run twice, as every helm upgrade does
        Result first = provision(passwords());
        Result second = provision(passwords());

        // then
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(first.output()).contains("user aios-agents-cto: configure ^$");

        try (AmqpConnections orchestrator = connect("aios-orchestrator", "orchestrator-secret");
                AmqpConnections cto = connect("aios-agents-cto", AWKWARD_PASSWORD)) {
            // the orchestrator may declare the whole topology
            var owner =
                    new BrokerTopology(orchestrator.consumer(), new RabbitMqDialect(), MessagingSettings.defaults());
            for (Role role : Role.values()) {
                owner.declareRoleQueue(role);
            }
            // the CTO agent verifies and consumes its queue, and nothing else
            new BrokerTopology(cto.consumer(), new RabbitMqDialect(), MessagingSettings.defaults(), TopologyMode.VERIFY)
                    .declareRoleQueue(Role.CTO);
            Channel own = cto.consumer().createChannel();
            own.basicConsume(Role.CTO.queueName(), false, new DefaultConsumer(own));
            assertThat(refusal(cto, ch -> ch.basicConsume(Role.QA.queueName(), false, new DefaultConsumer(ch))))
                    .contains("ACCESS_REFUSED");
            assertThat(refusal(cto, ch -> ch.exchangeDeclare("aios.agent.cto.extra", "fanout", true)))
                    .contains("ACCESS_REFUSED");
        }
    }

    @Test
    void failsNamingTheVariableWhenAPasswordIsMissing() throws Exception {
        Map<String, String> env = passwords();
        env.remove("RABBITMQ_PASSWORD_AGENTS_QA");

        Result result = provision(env);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("no password for aios-agents-qa (set RABBITMQ_PASSWORD_AGENTS_QA)");
    }

    private static Map<String, String> passwords() {
        Map<String, String> env = new HashMap<>();
        ChartBrokerUsers.chartUsers()
                .keySet()
                .forEach(service -> env.put(passwordVariable(service), service + "-secret"));
        env.put("RABBITMQ_PASSWORD_AGENTS_CTO", AWKWARD_PASSWORD);
        return env;
    }

    private static String passwordVariable(String service) {
        return "RABBITMQ_PASSWORD_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private record Result(int exitCode, String output) {}

    private static Result provision(Map<String, String> passwords) throws IOException, InterruptedException {
        Path script = ChartBrokerUsers.repositoryRoot().resolve("helm/aios/files/provision-rabbitmq.sh");
        var builder = new ProcessBuilder("sh", script.toString(), spec.toString()).redirectErrorStream(true);
        builder.environment().putAll(passwords);
        builder.environment()
                .putAll(Map.of(
                        "RABBITMQ_MANAGEMENT_URL",
                        "http://127.0.0.1:" + node.managementPort + "/",
                        "RABBITMQ_ADMIN_USERNAME",
                        "guest",
                        "RABBITMQ_ADMIN_PASSWORD",
                        "guest",
                        "RABBITMQ_VHOST",
                        VHOST));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static AmqpConnections connect(String user, String password) {
        TestCertificates pki = node.certificates;
        AmqpTls tls = AmqpTls.fromStores(
                new AmqpTls.Stores(
                        pki.location("ca.p12"),
                        "PKCS12",
                        TestCertificates.PASSWORD,
                        "PKIX",
                        pki.location("client.p12"),
                        "PKCS12",
                        TestCertificates.PASSWORD,
                        "SunX509",
                        "TLS"),
                true);
        return new AmqpConnections("127.0.0.1", node.port, user, password, VHOST, "provisioning-it", tls);
    }

    @FunctionalInterface
    private interface ChannelWork {
        void run(Channel channel) throws Exception;
    }

    private static String refusal(AmqpConnections connections, ChannelWork work) throws IOException {
        Channel channel = connections.consumer().createChannel();
        try {
            work.run(channel);
        } catch (Exception e) {
            return String.valueOf(e.getCause() != null ? e.getCause() : e);
        }
        throw new AssertionError("the broker allowed it");
    }
}
