package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The chart's per-service broker users (rabbitmqCredentials), how it provisions them, and TLS to the backing services. */
class BrokerUsersChartTest {
    private static final List<String> ROLES = List.of("cto", "frontend", "backend", "qa", "devops");
    private static final Path PRODUCTION = HelmChart.CHART.resolve("values-production.yaml");
    private static final Map<String, Object> PASSWORDS = Map.of(
            "rabbitmqCredentials.orchestrator.password", "p-orchestrator",
            "rabbitmqCredentials.llm-router.password", "p-router",
            "rabbitmqCredentials.agents-cto.password", "p-cto",
            "rabbitmqCredentials.agents-frontend.password", "p-frontend",
            "rabbitmqCredentials.agents-backend.password", "p-backend",
            "rabbitmqCredentials.agents-qa.password", "p-qa",
            "rabbitmqCredentials.agents-devops.password", "p-devops");

    /** One provisioned user: name, the variable its password arrives in, and its three permission patterns. */
    record UserLine(String user, String passwordVariable, Pattern configure, Pattern write, Pattern read) {
        static UserLine parse(String line) {
            String[] f = line.trim().split(" ");
            assertThat(f).as("spec line '%s'", line).hasSize(5);
            return new UserLine(f[0], f[1], Pattern.compile(f[2]), Pattern.compile(f[3]), Pattern.compile(f[4]));
        }
    }

    private static Manifests production() {
        return Manifests.parse(HelmChart.render(List.of(PRODUCTION), PASSWORDS));
    }

    private static Map<String, UserLine> provisionedUsers(Manifests manifests) {
        Map<String, Object> configMap = manifests.get("ConfigMap", "aios-rabbitmq-provisioning");
        Map<String, UserLine> users = new LinkedHashMap<>();
        Arrays.stream(Yaml.stringAt(configMap, "data.users").split("\n"))
                .filter(line -> !line.isBlank())
                .map(UserLine::parse)
                .forEach(line -> users.put(line.user(), line));
        return users;
    }

    @Nested
    class WithDefaultValues {
        private final Manifests manifests = HelmChart.renderDefaults();

        @Test
        void letsOnlyTheOrchestratorDeclareTopologyWhileAgentsAndTheRouterVerifyIt() {
            assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator")))
                    .containsEntry("AIOS_MESSAGING_TOPOLOGY", "declare");
            for (String service : List.of(
                    "llm-router", "agents-cto", "agents-frontend", "agents-backend", "agents-qa", "agents-devops")) {
                assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-" + service)))
                        .as(service)
                        .containsEntry("AIOS_MESSAGING_TOPOLOGY", "verify")
                        .containsEntry("AIOS_MESSAGING_TOPOLOGY_WAIT", "120s");
            }
        }

        @Test
        void leavesProvisioningAndTlsOffUntilAsked() {
            assertThat(manifests.ofKind("Job")).isEmpty();
            Map<String, String> env = manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator"));
            assertThat(env).doesNotContainKeys("SPRING_RABBITMQ_SSL_ENABLED", "SPRING_DATA_REDIS_SSL_ENABLED");
            assertThat(env).containsEntry("AIOS_QDRANT_TLS", "false");
        }
    }

    @Nested
    class InProduction {
        private final Manifests manifests = production();
        private final Map<String, UserLine> users = provisionedUsers(manifests);

        @Test
        void provisionsOneUserPerServiceWithThePasswordItsDeploymentUses() {
            assertThat(users.keySet())
                    .containsExactlyInAnyOrder(
                            "aios-orchestrator",
                            "aios-llm-router",
                            "aios-agents-cto",
                            "aios-agents-frontend",
                            "aios-agents-backend",
                            "aios-agents-qa",
                            "aios-agents-devops");
            Map<String, String> jobEnv = manifests.environmentOf(manifests.get("Job", "aios-rabbitmq-provisioning-1"));
            assertThat(jobEnv)
                    .containsEntry("RABBITMQ_VHOST", "aios")
                    .containsEntry("RABBITMQ_MANAGEMENT_URL", "https://rabbitmq.rabbitmq.svc.cluster.local:15671")
                    .containsEntry("RABBITMQ_CA_FILE", "/etc/aios/tls/rabbitmq/ca.crt");
            assertThat(jobEnv.get("RABBITMQ_PASSWORD_AGENTS_CTO")).contains("rabbitmq-agents-cto-password");
            assertThat(jobEnv.get("RABBITMQ_ADMIN_PASSWORD")).contains("aios-rabbitmq-admin");
            for (UserLine user : users.values()) {
                assertThat(jobEnv).as("password of %s", user.user()).containsKey(user.passwordVariable());
            }
        }

        @Test
        void anAgentReadsOnlyItsRolesQueueAndWritesOnlyEventsAndItsOwnRetryAndDeadLetterExchanges() {
            for (String role : ROLES) {
                UserLine agent = users.get("aios-agents-" + role);
                String queue = "aios.agent." + role;
                assertThat(agent.read().matcher(queue).matches())
                        .as("%s reads %s", role, queue)
                        .isTrue();
                assertThat(agent.write().matcher("aios.events").matches()).isTrue();
                assertThat(agent.write().matcher(queue + ".retry").matches()).isTrue();
                assertThat(agent.write().matcher(queue + ".dlx").matches()).isTrue();
                for (String other : ROLES.stream().filter(r -> !r.equals(role)).toList()) {
                    assertThat(agent.read().matcher("aios.agent." + other).matches())
                            .as("%s reads %s", role, other)
                            .isFalse();
                    assertThat(agent.write()
                                    .matcher("aios.agent." + other + ".retry")
                                    .matches())
                            .isFalse();
                }
                for (String forbidden :
                        List.of("amq.default", "aios.commands", queue, queue + ".dlq", "aios.orchestrator.events")) {
                    assertThat(agent.write().matcher(forbidden).matches())
                            .as("%s writes %s", role, forbidden)
                            .isFalse();
                }
                assertThat(agent.read().matcher(queue + ".dlq").matches()).isFalse();
                for (String anything : List.of(queue, queue + ".dlx", "aios.events", "aios.commands", "x")) {
                    assertThat(agent.configure().matcher(anything).matches())
                            .as("%s configures %s", role, anything)
                            .isFalse();
                }
            }
        }

        @Test
        void theRouterOnlyPublishesEventsAndTheOrchestratorOwnsTheTopology() {
            UserLine router = users.get("aios-llm-router");
            assertThat(router.write().matcher("aios.events").matches()).isTrue();
            assertThat(router.write().matcher("aios.commands").matches()).isFalse();
            assertThat(router.read().matcher("aios.agent.cto").matches()).isFalse();
            assertThat(router.configure().matcher("aios.events").matches()).isFalse();

            UserLine orchestrator = users.get("aios-orchestrator");
            for (String name : List.of(
                    "aios.commands",
                    "aios.events",
                    "aios.agent.qa",
                    "aios.agent.qa.dlq",
                    "aios.agent.qa.dlx",
                    "aios.agent.qa.retry",
                    "aios.agent.qa.retry.30000",
                    "aios.orchestrator.events")) {
                assertThat(orchestrator.configure().matcher(name).matches())
                        .as("orchestrator configures %s", name)
                        .isTrue();
            }
            assertThat(orchestrator.configure().matcher("amq.default").matches())
                    .isFalse();
            assertThat(orchestrator.configure().matcher("other.queue").matches())
                    .isFalse();
            assertThat(orchestrator.write().matcher("amq.default").matches())
                    .as("redrives through the default exchange")
                    .isTrue();
        }

        @Test
        void connectsEveryServiceToTheBrokerOverTlsWithTheMountedCaAndClientCertificate() {
            for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
                Map<String, String> env = manifests.environmentOf(deployment);
                assertThat(env)
                        .containsEntry("SPRING_RABBITMQ_PORT", "5671")
                        .containsEntry("SPRING_RABBITMQ_SSL_ENABLED", "true")
                        .containsEntry("SPRING_RABBITMQ_SSL_BUNDLE", "rabbitmq")
                        .containsEntry(
                                "SPRING_SSL_BUNDLE_PEM_RABBITMQ_TRUSTSTORE_CERTIFICATE",
                                "file:/etc/aios/tls/rabbitmq/ca.crt")
                        .containsEntry(
                                "SPRING_SSL_BUNDLE_PEM_RABBITMQ_KEYSTORE_PRIVATE_KEY",
                                "file:/etc/aios/tls/rabbitmq/tls.key")
                        .containsEntry("SPRING_DATA_REDIS_SSL_ENABLED", "true")
                        .containsEntry(
                                "SPRING_SSL_BUNDLE_PEM_REDIS_TRUSTSTORE_CERTIFICATE",
                                "file:/etc/aios/tls/redis/ca.crt");
                assertThat(Yaml.listAt(Manifests.firstContainer(deployment), "volumeMounts")
                                .toString())
                        .contains("mountPath=/etc/aios/tls/rabbitmq", "mountPath=/etc/aios/tls/redis");
                assertThat(Yaml.listAt(deployment, "spec.template.spec.volumes").toString())
                        .contains("secretName=aios-rabbitmq-tls", "secretName=aios-redis-ca");
            }
        }

        @Test
        void verifiesPostgresqlAgainstItsRootCertificateAndTalksToQdrantOverTls() {
            Map<String, String> env = manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator"));
            assertThat(env)
                    .containsEntry(
                            "SPRING_DATASOURCE_URL",
                            "jdbc:postgresql://postgresql.postgresql.svc.cluster.local:5432/aios"
                                    + "?sslmode=verify-full&sslrootcert=/etc/aios/tls/postgresql/ca.crt")
                    .containsEntry("AIOS_QDRANT_TLS", "true");
            assertThat(Yaml.listAt(manifests.get("Deployment", "aios-orchestrator"), "spec.template.spec.volumes")
                            .toString())
                    .contains("secretName=aios-postgresql-ca");
        }
    }

    @Nested
    class InCompose {
        private final ComposeStack compose = ComposeStack.read();

        @Test
        void provisionsTheSameUsersAndPermissionsAsTheChart() throws java.io.IOException {
            // given the spec the chart renders with its default users
            Manifests chart = Manifests.parse(HelmChart.render(
                    List.of(),
                    Map.of(
                            "externalRabbitmq.provisioning.enabled", "true",
                            "externalRabbitmq.provisioning.managementUrl", "http://rabbitmq:15672",
                            "externalRabbitmq.provisioning.adminSecret", "admin")));
            List<String> chartLines = Arrays.stream(
                            Yaml.stringAt(chart.get("ConfigMap", "aios-rabbitmq-provisioning"), "data.users")
                                    .split("\n"))
                    .filter(line -> !line.isBlank())
                    .toList();

            // when compose's spec is read
            List<String> composeLines =
                    java.nio.file.Files.readAllLines(RepositoryRoot.resolve("deploy/rabbitmq/users")).stream()
                            .filter(line -> !line.isBlank() && !line.startsWith("#"))
                            .toList();

            // then
            assertThat(composeLines).containsExactlyElementsOf(chartLines);
        }

        @Test
        void logsEveryServiceInAsItsOwnUserAndLetsOnlyTheOrchestratorDeclare() {
            compose.aiosServices().forEach((name, service) -> {
                Map<String, Object> env = Yaml.mapAt(service, "environment");
                assertThat(env).as(name).containsEntry("SPRING_RABBITMQ_USERNAME", "aios-" + name);
                assertThat(String.valueOf(env.get("SPRING_RABBITMQ_PASSWORD")))
                        .as(name)
                        .startsWith("${RABBITMQ_PASSWORD_"
                                + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + ":?");
                assertThat(env)
                        .as(name)
                        .containsEntry("AIOS_MESSAGING_TOPOLOGY", name.equals("orchestrator") ? "declare" : "verify");
                assertThat(Yaml.mapAt(service, "depends_on")).as(name).containsKey("rabbitmq-provision");
            });
            assertThat(Yaml.stringAt(compose.service("rabbitmq-provision"), "command"))
                    .contains("provision-rabbitmq.sh");
        }
    }

    @Test
    void refusesProvisioningWithoutAManagementUrl() {
        assertThatThrownBy(() -> HelmChart.render(List.of(), Map.of("externalRabbitmq.provisioning.enabled", "true")))
                .hasMessageContaining("externalRabbitmq.provisioning.managementUrl is required");
    }

    @Test
    void refusesAPermissionThatIsNotAnAnchoredPattern() {
        assertThatThrownBy(() -> HelmChart.render(
                        List.of(), Map.of("rabbitmqCredentials.agents-qa.permissions.read", "aios.agent.qa")))
                .hasMessageContaining("rabbitmqCredentials");
    }
}
