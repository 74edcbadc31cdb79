package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HelmChartTest {

    private static final List<String> AGENTS =
            List.of("agents-cto", "agents-frontend", "agents-backend", "agents-qa", "agents-devops");
    private static final List<String> SERVICES = List.of(
            "orchestrator", "llm-router", "agents-cto", "agents-frontend", "agents-backend", "agents-qa", "agents-devops");

    @Test
    void passesHelmLintInStrictMode() {
        // when
        LintResult result = HelmChart.lint();

        // then
        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    }

    @Test
    void rejectsValuesOfTheWrongTypeThroughTheValuesSchema() {
        // when / then
        assertThatThrownBy(() -> HelmChart.render(List.of(HelmChart.BAD_VALUES), Map.of()))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("port")
                .hasMessageContaining("autoscaling");
    }

    @Test
    void rejectsAnUnknownTopLevelValueSoATypoCannotPassSilently() {
        // when / then
        assertThatThrownBy(() -> HelmChart.render(List.of(), Map.of("autoscalling.enabled", "true")))
                .hasMessageContaining("autoscalling");
    }

    @Nested
    class WithDefaultValues {

        private final Manifests manifests = HelmChart.renderDefaults();

        @Test
        void rendersADeploymentServiceConfigMapAndDisruptionBudgetPerService() {
            for (String service : SERVICES) {
                String name = "aios-" + service;
                assertThat(manifests.find("Deployment", name)).as("Deployment %s", name).isPresent();
                assertThat(manifests.find("Service", name)).as("Service %s", name).isPresent();
                assertThat(manifests.find("ConfigMap", name)).as("ConfigMap %s", name).isPresent();
                assertThat(manifests.find("PodDisruptionBudget", name)).as("PDB %s", name).isPresent();
            }
        }

        @Test
        void scalesEveryAgentWithAnHpaAndNothingElse() {
            assertThat(manifests.names("HorizontalPodAutoscaler"))
                    .containsExactlyInAnyOrderElementsOf(AGENTS.stream().map(a -> "aios-" + a).toList());
            assertThat(manifests.ofKind("ScaledObject")).isEmpty();
        }

        @Test
        void leavesOptionalObjectsOut() {
            assertThat(manifests.ofKind("Ingress")).isEmpty();
            assertThat(manifests.ofKind("ServiceMonitor")).isEmpty();
        }

        @Test
        void runsEveryContainerAsNonRootWithAReadOnlyRootFilesystem() {
            for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
                Map<String, Object> container = Manifests.firstContainer(deployment);
                assertThat(Yaml.at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
                assertThat(Yaml.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
                assertThat(Yaml.at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(Yaml.listAt(container, "securityContext.capabilities.drop")).containsExactly("ALL");
                assertThat(Yaml.mapAt(container, "resources.limits")).containsKey("memory");
            }
        }

        @Test
        void givesEveryServiceItsOwnBrokerCredentials() {
            Map<String, Object> secret = manifests.get("Secret", "aios-secrets");
            for (String service : SERVICES) {
                Map<String, String> env = manifests.environmentOf(manifests.get("Deployment", "aios-" + service));
                assertThat(env).containsEntry("SPRING_RABBITMQ_USERNAME", "aios-" + service);
                assertThat(env.get("SPRING_RABBITMQ_PASSWORD")).contains("rabbitmq-" + service + "-password");
                assertThat(Yaml.mapAt(secret, "stringData")).containsKey("rabbitmq-" + service + "-password");
            }
        }

        @Test
        void pointsAgentsAtTheRouterServiceAndOnlyTheOrchestratorAtPostgresAndQdrant() {
            for (String agent : AGENTS) {
                Map<String, String> env = manifests.environmentOf(manifests.get("Deployment", "aios-" + agent));
                assertThat(env).containsEntry("AIOS_ROUTER_URL", "http://aios-llm-router:8081");
                assertThat(env).doesNotContainKeys("SPRING_DATASOURCE_URL", "AIOS_QDRANT_HOST", "ANTHROPIC_API_KEY");
            }
            Map<String, String> orchestrator = manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator"));
            assertThat(orchestrator)
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgresql.postgresql.svc.cluster.local:5432/aios")
                    .containsKeys("SPRING_DATASOURCE_PASSWORD", "AIOS_QDRANT_HOST", "AIOS_QDRANT_PORT");
        }

        @Test
        void makesReadinessFollowTheConnectionsEachServiceNeeds() {
            assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator")))
                    .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "readinessState,rabbit,redis,db");
            assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-llm-router")))
                    .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "readinessState,rabbit");
            for (String agent : AGENTS) {
                assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-" + agent)))
                        .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "readinessState,rabbit,redis");
            }
        }

        @Test
        void letsAgentsReachOnlyDnsTheBrokerRedisAndTheRouter() {
            Map<String, Object> policy = manifests.get("NetworkPolicy", "aios-agents");
            List<Object> egress = Yaml.listAt(policy, "spec.egress");
            List<Object> ports = egress.stream()
                    .flatMap(rule -> Yaml.listAt(Yaml.map(rule, "egress rule"), "ports").stream())
                    .map(port -> Yaml.map(port, "port").get("port"))
                    .toList();
            assertThat(ports).containsExactlyInAnyOrder(53, 53, 5672, 6379, 8081);
            assertThat(Yaml.listAt(policy, "spec.policyTypes")).contains("Egress");
        }
    }

    @Nested
    class WithEveryOptionOn {

        private final Manifests manifests = HelmChart.renderAllOn();

        @Test
        void scalesAgentsOnQueueDepthThroughKedaInsteadOfCpu() {
            assertThat(manifests.names("ScaledObject"))
                    .containsExactlyInAnyOrderElementsOf(AGENTS.stream().map(a -> "aios-" + a).toList());
            assertThat(manifests.ofKind("HorizontalPodAutoscaler")).isEmpty();
            Map<String, Object> cto = manifests.get("ScaledObject", "aios-agents-cto");
            Map<String, Object> trigger = Yaml.map(Yaml.listAt(cto, "spec.triggers").getFirst(), "trigger");
            assertThat(trigger.get("type")).isEqualTo("rabbitmq");
            assertThat(Yaml.stringAt(trigger, "metadata.queueName")).isEqualTo("aios.agent.cto");
            assertThat(manifests.find("TriggerAuthentication", "aios-rabbitmq")).isPresent();
        }

        @Test
        void exposesOnlyTheApiThroughTheIngress() {
            Map<String, Object> ingress = manifests.get("Ingress", "aios-orchestrator");
            Map<String, Object> rule = Yaml.map(Yaml.listAt(ingress, "spec.rules").getFirst(), "rule");
            Map<String, Object> path = Yaml.map(Yaml.listAt(rule, "http.paths").getFirst(), "path");
            assertThat(path.get("path")).isEqualTo("/api");
            assertThat(Yaml.stringAt(path, "backend.service.name")).isEqualTo("aios-orchestrator");
        }

        @Test
        void scrapesEveryServiceThroughOneServiceMonitor() {
            Map<String, Object> monitor = manifests.get("ServiceMonitor", "aios");
            Map<String, Object> endpoint = Yaml.map(Yaml.listAt(monitor, "spec.endpoints").getFirst(), "endpoint");
            assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> service : manifests.ofKind("Service")) {
                assertThat(Yaml.mapAt(service, "metadata.labels")).containsEntry("aios.dev/metrics", "true");
            }
        }

        @Test
        void passesProviderKeysAndTheLocalModelOnlyToTheRouter() {
            Map<String, String> router = manifests.environmentOf(manifests.get("Deployment", "aios-llm-router"));
            assertThat(router)
                    .containsKeys("ANTHROPIC_API_KEY", "OPENAI_API_KEY")
                    .containsEntry("AIOS_LOCAL_MODEL_URL", "http://vllm.gpu.svc.cluster.local:8000/v1")
                    .containsEntry("AIOS_LOCAL_MODEL_NAME", "qwen2.5-coder-32b-instruct");
            assertThat(router.get("ANTHROPIC_API_KEY")).doesNotContain("sk-ant-ci");
        }
    }

    @Test
    void tellsHowToSubmitAFirstBriefWithTheFieldsTheApiAccepts() throws java.io.IOException {
        // given
        String notes = java.nio.file.Files.readString(HelmChart.CHART.resolve("templates/NOTES.txt"));
        java.nio.file.Path request = RepositoryRoot.resolve(
                "orchestrator/src/main/java/dev/aios/orchestrator/api/SubmitProjectRequest.java");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(request), "the orchestrator's API is not written yet");
        String source = java.nio.file.Files.readString(request);

        // when
        java.util.regex.Matcher body = java.util.regex.Pattern.compile("-d '(\\{.*})'").matcher(notes);
        assertThat(body.find()).as("NOTES.txt has a curl -d '{...}'").isTrue();
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("\"([a-zA-Z]+)\":").matcher(body.group(1));

        // then: the API refuses unknown fields, so every field NOTES sends must be a component of the request record
        assertThat(notes).contains("POST \"$AIOS_URL/api/v1/projects\"");
        int fields = 0;
        while (keys.find()) {
            fields++;
            assertThat(source).as("SubmitProjectRequest has a component %s", keys.group(1)).containsPattern("\\b" + keys.group(1) + "\\b");
        }
        assertThat(fields).isGreaterThanOrEqualTo(3);
    }

    @Test
    void usesAnExistingSecretByNameAndCreatesNone() {
        // when
        Manifests manifests = Manifests.parse(HelmChart.render(List.of(), Map.of("secrets.existingSecret", "aios-keys")));

        // then
        assertThat(manifests.ofKind("Secret")).isEmpty();
        String yaml = manifests.yaml();
        assertThat(yaml).contains("name: aios-keys").doesNotContain("name: aios-secrets");
    }
}
