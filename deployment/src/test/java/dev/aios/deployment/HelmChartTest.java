package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HelmChartTest {

    private static final List<String> AGENTS =
            List.of("agents-cto", "agents-frontend", "agents-backend", "agents-qa", "agents-devops");
    private static final List<String> SERVICES = List.of(
            "orchestrator",
            "llm-router",
            "agents-cto",
            "agents-frontend",
            "agents-backend",
            "agents-qa",
            "agents-devops");
    /** The router's own configuration: what its readiness group holds and which variables it reads. */
    private static final SpringConfig ROUTER_CONFIG =
            SpringConfig.read(RepositoryRoot.resolve("llm-router/src/main/resources/application.yml"));

    @Test
    void passesHelmLintInStrictMode() {
        // when
        LintResult result = HelmChart.lint();

        // then
        assertThat(result.isFailed())
                .as("helm lint --strict: %s", result.getMessages())
                .isFalse();
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
                assertThat(manifests.find("Deployment", name))
                        .as("Deployment %s", name)
                        .isPresent();
                assertThat(manifests.find("Service", name))
                        .as("Service %s", name)
                        .isPresent();
                assertThat(manifests.find("ConfigMap", name))
                        .as("ConfigMap %s", name)
                        .isPresent();
                assertThat(manifests.find("PodDisruptionBudget", name))
                        .as("PDB %s", name)
                        .isPresent();
            }
        }

        @Test
        void scalesEveryAgentWithAnHpaAndNothingElse() {
            assertThat(manifests.names("HorizontalPodAutoscaler"))
                    .containsExactlyInAnyOrderElementsOf(
                            AGENTS.stream().map(a -> "aios-" + a).toList());
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
                assertThat(Yaml.at(deployment, "spec.template.spec.securityContext.runAsNonRoot"))
                        .isEqualTo(true);
                assertThat(Yaml.at(container, "securityContext.readOnlyRootFilesystem"))
                        .isEqualTo(true);
                assertThat(Yaml.at(container, "securityContext.allowPrivilegeEscalation"))
                        .isEqualTo(false);
                assertThat(Yaml.listAt(container, "securityContext.capabilities.drop"))
                        .containsExactly("ALL");
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
            Map<String, String> orchestrator =
                    manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator"));
            assertThat(orchestrator)
                    .containsEntry(
                            "SPRING_DATASOURCE_URL",
                            "jdbc:postgresql://postgresql.postgresql.svc.cluster.local:5432/aios")
                    .containsKeys("SPRING_DATASOURCE_PASSWORD", "AIOS_QDRANT_HOST", "AIOS_QDRANT_PORT");
        }

        @Test
        void runsTheRouterInDeploymentModeSoEveryCallIsHeldAgainstItsProjectsBudget() {
            assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-llm-router")))
                    .containsEntry("AIOS_ROUTER_DEPLOYMENT_MODE", "true");
            assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_DEPLOYMENT_MODE")).isTrue();
        }

        @Test
        void makesReadinessFollowTheConnectionsEachServiceNeeds() {
            assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator")))
                    .containsEntry(
                            "MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "readinessState,rabbit,redis,db");
            assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-llm-router")))
                    .containsEntry(
                            "MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "readinessState,rabbit,models");
            for (String agent : AGENTS) {
                assertThat(manifests.environmentOf(manifests.get("Deployment", "aios-" + agent)))
                        .containsEntry(
                                "MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "readinessState,rabbit,redis");
            }
        }

        @Test
        void keepsTheRoutersOwnReadinessMembersSoARouterWithNothingToAnswerWithIsNeverReady() {
            // given the members the router's application.yml puts in its readiness group
            List<String> own = ROUTER_CONFIG.readinessMembers();

            // when the chart replaces the group for the router
            String include = manifests
                    .environmentOf(manifests.get("Deployment", "aios-llm-router"))
                    .get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE");

            // then none is dropped: `models` is down while no key, no local model and no recording can answer
            assertThat(own).contains("models");
            assertThat(List.of(include.split(","))).containsAll(own);
        }

        @Test
        void neitherReplaysNorRecordsModelExchangesUnlessTold() {
            // when
            Map<String, Object> router = manifests.get("Deployment", "aios-llm-router");

            // then
            assertThat(manifests.environmentOf(router))
                    .doesNotContainKeys("AIOS_ROUTER_REPLAY", "AIOS_ROUTER_RECORD", "AIOS_ROUTER_RECORD_LABEL");
            assertThat(volumeNames(router)).containsExactly("tmp");
            assertThat(volumeMounts(router)).containsOnlyKeys("tmp");
        }

        @Test
        void givesOnlyTheQaContainerTheProfilesItsSandboxNeeds() {
            for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
                String name = Yaml.stringAt(deployment, "metadata.name");
                Map<String, Object> container = Manifests.firstContainer(deployment);
                assertThat(Yaml.stringAt(deployment, "spec.template.spec.securityContext.seccompProfile.type"))
                        .isEqualTo("RuntimeDefault");
                assertThat(Yaml.mapAt(deployment, "spec.template.spec")).doesNotContainKey("runtimeClassName");
                Map<String, Object> security = Yaml.mapAt(container, "securityContext");
                Map<String, String> env = manifests.environmentOf(deployment);
                if (name.equals("aios-agents-qa")) {
                    assertThat(Yaml.stringAt(security, "seccompProfile.type")).isEqualTo("Unconfined");
                    assertThat(Yaml.mapAt(deployment, "spec.template.metadata.annotations"))
                            .containsEntry("container.apparmor.security.beta.kubernetes.io/agents-qa", "unconfined");
                    assertThat(env).containsEntry("AIOS_SANDBOX_ALLOW_UNISOLATED", "false");
                } else {
                    assertThat(security).as(name).doesNotContainKey("seccompProfile");
                    assertThat(Yaml.mapAt(deployment, "spec.template.metadata.annotations"))
                            .as(name)
                            .doesNotContainKey("container.apparmor.security.beta.kubernetes.io/"
                                    + name.substring("aios-".length()));
                    assertThat(env).as(name).doesNotContainKey("AIOS_SANDBOX_ALLOW_UNISOLATED");
                }
            }
        }

        @Test
        void putsTheQaPodUnderTheAgentsNetworkPolicy() {
            Map<String, Object> policy = manifests.get("NetworkPolicy", "aios-agents");
            Map<String, Object> qaPodLabels =
                    Yaml.mapAt(manifests.get("Deployment", "aios-agents-qa"), "spec.template.metadata.labels");
            assertThat(qaPodLabels).containsAllEntriesOf(Yaml.mapAt(policy, "spec.podSelector.matchLabels"));
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

        @Test
        void admitsOnlyThisReleasesAgentAndOrchestratorPodsToTheRoutersApiPort() {
            // given the router's policy
            Map<String, Object> policy = manifests.get("NetworkPolicy", "aios-llm-router");
            List<Map<String, Object>> ingress = Yaml.listAt(policy, "spec.ingress").stream()
                    .map(r -> Yaml.map(r, "ingress rule"))
                    .toList();
            Map<String, Object> api = ingress.stream()
                    .filter(rule -> ports(rule).contains("http"))
                    .findFirst()
                    .orElseThrow();

            // then the API port has exactly one peer: pods of this release whose kind is agent or api, from no other
            // namespace
            List<Object> peers = Yaml.listAt(api, "from");
            assertThat(peers).hasSize(1);
            Map<String, Object> peer = Yaml.map(peers.getFirst(), "peer");
            assertThat(peer).containsOnlyKeys("podSelector");
            for (String service : SERVICES) {
                Map<String, Object> podLabels =
                        Yaml.mapAt(manifests.get("Deployment", "aios-" + service), "spec.template.metadata.labels");
                assertThat(selects(Yaml.mapAt(peer, "podSelector"), podLabels))
                        .as(service)
                        .isEqualTo(!service.equals("llm-router"));
            }
            assertThat(selects(
                            Yaml.mapAt(peer, "podSelector"),
                            Map.of("app.kubernetes.io/instance", "other-release", "aios.dev/kind", "agent")))
                    .as("an agent of another release")
                    .isFalse();
            assertThat(selects(Yaml.mapAt(peer, "podSelector"), Map.of("app.kubernetes.io/instance", "aios")))
                    .as("any other pod")
                    .isFalse();

            // and the metrics peers (by default every namespace) reach only the management port: health and metrics, no
            // API
            assertThat(ingress)
                    .hasSize(2)
                    .allSatisfy(rule ->
                            assertThat(ports(rule)).isEqualTo(rule == api ? List.of("http") : List.of("management")));
        }

        @Test
        void probesAndScrapesTheRouterAndTheOrchestratorOnTheirManagementPortsOnly() {
            Map<String, Object> router = manifests.get("Deployment", "aios-llm-router");
            Map<String, Object> container = Manifests.firstContainer(router);
            assertThat(manifests.environmentOf(router)).containsEntry("MANAGEMENT_SERVER_PORT", "9081");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Yaml.stringAt(container, probe + ".httpGet.port"))
                        .as(probe)
                        .isEqualTo("management");
            }
            assertThat(Yaml.mapAt(manifests.get("Service", "aios-llm-router"), "metadata.labels"))
                    .containsEntry("aios.dev/metrics-port", "management");
            assertThat(Yaml.mapAt(manifests.get("Service", "aios-agents-cto"), "metadata.labels"))
                    .containsEntry("aios.dev/metrics-port", "http");
            // the orchestrator's actuator too: the Ingress routes its API port only, and metrics there need a token
            // (ADR 0040)
            Map<String, Object> orchestrator = manifests.get("Deployment", "aios-orchestrator");
            assertThat(manifests.environmentOf(orchestrator))
                    .containsEntry("MANAGEMENT_SERVER_PORT", "9080")
                    .doesNotContainEntry("AIOS_SECURITY_ANONYMOUS_METRICS", "true");
            assertThat(Yaml.stringAt(Manifests.firstContainer(orchestrator), "readinessProbe.httpGet.port"))
                    .isEqualTo("management");
            assertThat(Yaml.mapAt(manifests.get("Service", "aios-orchestrator"), "metadata.labels"))
                    .containsEntry("aios.dev/metrics-port", "management");
            assertThat(Yaml.stringAt(
                            Manifests.firstContainer(manifests.get("Deployment", "aios-agents-cto")),
                            "livenessProbe.httpGet.port"))
                    .isEqualTo("http");
        }

        @Test
        void givesEveryAgentItsOwnRouterTokenFromTheSecretAndTheRouterOnlyTheirDigests() {
            Map<String, String> router = manifests.environmentOf(manifests.get("Deployment", "aios-llm-router"));
            for (String agent : AGENTS) {
                String digestVariable =
                        "AIOS_ROUTER_CLIENT_" + agent.toUpperCase().replace('-', '_') + "_SHA256";
                assertThat(manifests
                                .environmentOf(manifests.get("Deployment", "aios-" + agent))
                                .get("AIOS_ROUTER_TOKEN"))
                        .contains("aios-secrets", "key=router-token-" + agent + "}");
                assertThat(router.get(digestVariable)).contains("key=router-token-" + agent + "-sha256");
                assertThat(ROUTER_CONFIG.reads(digestVariable))
                        .as(digestVariable)
                        .isTrue();
            }
            assertThat(router).doesNotContainKey("AIOS_ROUTER_TOKEN");
            assertThat(router.values())
                    .noneMatch(
                            value -> value.matches(".*key=router-token-[a-z-]+[,}].*") && !value.contains("-sha256"));
        }

        @Test
        void givesTheOrchestratorItsOwnOptionalRouterTokenToReadBudgetsAndTheRouterItsDigest() {
            // the orchestrator reads the reserved part of budgets as its own service (ADR 0043); without the token
            // (empty by default, or absent from an existing Secret) it starts and reports reserved as not reported
            Map<String, String> orchestrator =
                    manifests.environmentOf(manifests.get("Deployment", "aios-orchestrator"));
            assertThat(orchestrator.get("AIOS_ROUTER_TOKEN"))
                    .contains("aios-secrets", "key=router-token-orchestrator", "optional=true")
                    .doesNotContain("sha256");
            assertThat(orchestrator.get("AIOS_ROUTER_URL")).isEqualTo("http://aios-llm-router:8081");
            Map<String, String> router = manifests.environmentOf(manifests.get("Deployment", "aios-llm-router"));
            assertThat(router.get("AIOS_ROUTER_CLIENT_ORCHESTRATOR_SHA256"))
                    .contains("key=router-token-orchestrator-sha256", "optional=true");
            assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_CLIENT_ORCHESTRATOR_SHA256"))
                    .isTrue();
        }
    }

    @Nested
    class WithEveryOptionOn {

        private final Manifests manifests = HelmChart.renderAllOn();

        @Test
        void scalesAgentsOnQueueDepthThroughKedaInsteadOfCpu() {
            assertThat(manifests.names("ScaledObject"))
                    .containsExactlyInAnyOrderElementsOf(
                            AGENTS.stream().map(a -> "aios-" + a).toList());
            assertThat(manifests.ofKind("HorizontalPodAutoscaler")).isEmpty();
            Map<String, Object> cto = manifests.get("ScaledObject", "aios-agents-cto");
            Map<String, Object> trigger =
                    Yaml.map(Yaml.listAt(cto, "spec.triggers").getFirst(), "trigger");
            assertThat(trigger.get("type")).isEqualTo("rabbitmq");
            assertThat(Yaml.stringAt(trigger, "metadata.queueName")).isEqualTo("aios.agent.cto");
            assertThat(manifests.find("TriggerAuthentication", "aios-rabbitmq")).isPresent();
        }

        @Test
        void exposesOnlyTheApiThroughTheIngress() {
            Map<String, Object> ingress = manifests.get("Ingress", "aios-orchestrator");
            Map<String, Object> rule =
                    Yaml.map(Yaml.listAt(ingress, "spec.rules").getFirst(), "rule");
            Map<String, Object> path = Yaml.map(Yaml.listAt(rule, "http.paths").getFirst(), "path");
            assertThat(path.get("path")).isEqualTo("/api");
            assertThat(Yaml.stringAt(path, "backend.service.name")).isEqualTo("aios-orchestrator");
            assertThat(Yaml.stringAt(path, "backend.service.port.name")).isEqualTo("http");
        }

        @Test
        void scrapesEveryServiceThroughOneServiceMonitor() {
            Map<String, Object> monitor = manifests.get("ServiceMonitor", "aios");
            Map<String, Object> endpoint =
                    Yaml.map(Yaml.listAt(monitor, "spec.endpoints").getFirst(), "endpoint");
            assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> service : manifests.ofKind("Service")) {
                assertThat(Yaml.mapAt(service, "metadata.labels")).containsEntry("aios.dev/metrics", "true");
            }
        }

        @Test
        void runsTheQaPodInTheConfiguredRuntimeClassWithALocalhostSeccompProfile() {
            Map<String, Object> qa = manifests.get("Deployment", "aios-agents-qa");
            Map<String, Object> security = Yaml.mapAt(Manifests.firstContainer(qa), "securityContext");
            assertThat(Yaml.stringAt(qa, "spec.template.spec.runtimeClassName")).isEqualTo("gvisor");
            assertThat(Yaml.stringAt(security, "seccompProfile.type")).isEqualTo("Localhost");
            assertThat(Yaml.stringAt(security, "seccompProfile.localhostProfile"))
                    .isEqualTo("profiles/aios-qa-sandbox.json");
            assertThat(Yaml.mapAt(qa, "spec.template.metadata.annotations"))
                    .doesNotContainKey("container.apparmor.security.beta.kubernetes.io/agents-qa");
            assertThat(Yaml.mapAt(manifests.get("Deployment", "aios-agents-cto"), "spec.template.spec"))
                    .doesNotContainKey("runtimeClassName");
        }

        @Test
        void recordsEachRouterPodsExchangesToItsOwnFileOnTheGivenClaim() {
            // given
            Map<String, Object> router = manifests.get("Deployment", "aios-llm-router");
            Map<String, Object> container = Manifests.firstContainer(router);

            // when
            List<String> names = envNames(container);
            String file = manifests.environmentOf(router).get("AIOS_ROUTER_RECORD");

            // then one file per pod, named after it: POD_NAME comes before the variable that refers to it, since
            // Kubernetes expands $(NAME) only from variables defined earlier in the list
            assertThat(file).isEqualTo("/var/lib/aios/cassettes/$(POD_NAME).json");
            assertThat(names.indexOf("POD_NAME")).isNotNegative().isLessThan(names.indexOf("AIOS_ROUTER_RECORD"));
            assertThat(Yaml.stringAt(envEntry(container, "POD_NAME"), "valueFrom.fieldRef.fieldPath"))
                    .isEqualTo("metadata.name");
            assertThat(manifests.environmentOf(router))
                    .containsEntry("AIOS_ROUTER_RECORD_LABEL", "CI render, live providers")
                    .doesNotContainKey("AIOS_ROUTER_REPLAY");

            // and the file's directory is the writable recordings volume, backed by the claim
            Map<String, Object> mount = volumeMounts(router).get("recordings");
            assertThat(mount.get("mountPath")).isEqualTo(file.substring(0, file.lastIndexOf('/')));
            assertThat(mount.get("readOnly")).isNotEqualTo(true);
            assertThat(Yaml.stringAt(volume(router, "recordings"), "persistentVolumeClaim.claimName"))
                    .isEqualTo("aios-router-recordings");
            assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_RECORD")).isTrue();
            assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_RECORD_LABEL")).isTrue();
        }

        @Test
        void storesEachRouterTokenWithItsSha256SoTheRouterNeverNeedsTheToken() throws Exception {
            Map<String, Object> data = Yaml.mapAt(manifests.get("Secret", "aios-secrets"), "stringData");
            for (String agent : AGENTS) {
                String token = String.valueOf(data.get("router-token-" + agent));
                assertThat(token).startsWith("ci-router-token-" + agent);
                String expected = java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(data.get("router-token-" + agent + "-sha256"))
                        .as(agent)
                        .isEqualTo(expected);
            }
        }

        @Test
        void scrapesTheRouterOnlyOnItsManagementPort() {
            Map<String, Object> monitor = manifests.get("ServiceMonitor", "aios");
            List<Map<String, Object>> endpoints = Yaml.listAt(monitor, "spec.endpoints").stream()
                    .map(e -> Yaml.map(e, "endpoint"))
                    .toList();
            assertThat(endpoints).extracting(e -> e.get("port")).containsExactly("http", "management");
            Map<String, Object> drop =
                    Yaml.map(Yaml.listAt(endpoints.getFirst(), "relabelings").getFirst(), "relabeling");
            assertThat(drop).containsEntry("action", "drop").containsEntry("regex", "management");
            assertThat(Yaml.listAt(drop, "sourceLabels"))
                    .containsExactly("__meta_kubernetes_service_label_aios_dev_metrics_port");
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

    @Nested
    class WithACassetteToReplay {

        private final Manifests manifests = Manifests.parse(
                HelmChart.render(List.of(), Map.of("services.llm-router.cassettes.replayConfigMap", "aios-cassettes")));

        @Test
        void mountsTheConfigMapReadOnlyAndPointsTheRoutersReplayAtEveryCassetteInIt() {
            // given
            Map<String, Object> router = manifests.get("Deployment", "aios-llm-router");

            // when
            String replay = manifests.environmentOf(router).get("AIOS_ROUTER_REPLAY");
            Map<String, Object> mount = volumeMounts(router).get("cassettes");

            // then
            assertThat(replay).isEqualTo("file:/etc/aios/cassettes/*.json");
            assertThat(mount.get("mountPath")).isEqualTo("/etc/aios/cassettes");
            assertThat(replay).startsWith("file:" + mount.get("mountPath") + "/");
            assertThat(mount.get("readOnly")).isEqualTo(true);
            assertThat(Yaml.stringAt(volume(router, "cassettes"), "configMap.name"))
                    .isEqualTo("aios-cassettes");
            assertThat(manifests.environmentOf(router)).doesNotContainKeys("AIOS_ROUTER_RECORD", "POD_NAME");
            assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_REPLAY")).isTrue();
        }

        @Test
        void givesTheCassettesToTheRouterOnly() {
            for (String service : SERVICES) {
                if (service.equals("llm-router")) {
                    continue;
                }
                Map<String, Object> deployment = manifests.get("Deployment", "aios-" + service);
                assertThat(volumeNames(deployment)).as(service).containsExactly("tmp");
                assertThat(manifests.environmentOf(deployment)).as(service).doesNotContainKey("AIOS_ROUTER_REPLAY");
            }
        }
    }

    @Test
    void recordsToAnEmptyDirWhenNoClaimIsGiven() {
        // when
        Manifests manifests = Manifests.parse(
                HelmChart.render(List.of(), Map.of("services.llm-router.cassettes.record.enabled", "true")));

        // then
        Map<String, Object> router = manifests.get("Deployment", "aios-llm-router");
        assertThat(manifests.environmentOf(router))
                .containsEntry("AIOS_ROUTER_RECORD", "/var/lib/aios/cassettes/$(POD_NAME).json")
                .doesNotContainKey("AIOS_ROUTER_RECORD_LABEL");
        assertThat(Yaml.stringAt(volume(router, "recordings"), "emptyDir.sizeLimit"))
                .isEqualTo("256Mi");
    }

    @Test
    void refusesToReplayAndRecordAtOnce() {
        // when / then: a replay calls no model, so there would be nothing to record (the router refuses it at start)
        assertThatThrownBy(() -> HelmChart.render(
                        List.of(),
                        Map.of(
                                "services.llm-router.cassettes.replayConfigMap", "aios-cassettes",
                                "services.llm-router.cassettes.record.enabled", "true")))
                .hasMessageContaining("replayConfigMap and record.enabled exclude each other");
    }

    @Test
    void refusesCassettesOnAnyServiceButTheRouter() {
        // when / then
        assertThatThrownBy(() -> HelmChart.render(
                        List.of(), Map.of("services.agents-cto.cassettes.replayConfigMap", "aios-cassettes")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("agents-cto");
    }

    @Test
    void tellsHowToSubmitAFirstBriefWithTheFieldsTheApiAccepts() throws java.io.IOException {
        // given
        String notes = java.nio.file.Files.readString(HelmChart.CHART.resolve("templates/NOTES.txt"));
        java.nio.file.Path request = RepositoryRoot.resolve(
                "orchestrator/src/main/java/dev/aios/orchestrator/api/SubmitProjectRequest.java");
        String source = java.nio.file.Files.readString(request);

        // when
        java.util.regex.Matcher body =
                java.util.regex.Pattern.compile("-d '(\\{.*})'").matcher(notes);
        assertThat(body.find()).as("NOTES.txt has a curl -d '{...}'").isTrue();
        java.util.regex.Matcher keys =
                java.util.regex.Pattern.compile("\"([a-zA-Z]+)\":").matcher(body.group(1));

        // then: the API refuses unknown fields, so every field NOTES sends must be a component of the request record
        assertThat(notes).contains("POST \"$AIOS_URL/api/v1/projects\"");
        int fields = 0;
        while (keys.find()) {
            fields++;
            assertThat(source)
                    .as("SubmitProjectRequest has a component %s", keys.group(1))
                    .containsPattern("\\b" + keys.group(1) + "\\b");
        }
        assertThat(fields).isGreaterThanOrEqualTo(3);
    }

    @Test
    void warnsAtInstallWhenTheRouterCanAnswerNothing() {
        // when no provider is configured and nothing is replayed
        String notes = HelmChart.notes(Map.of());

        // then
        assertThat(notes)
                .contains(
                        "no LLM provider is configured and no recording is replayed: the router can answer nothing",
                        "services.llm-router.cassettes.replayConfigMap");
    }

    @Test
    void saysAtInstallThatAReplayingRouterCallsNoModelAndWhatFails() {
        // when
        String notes = HelmChart.notes(Map.of("services.llm-router.cassettes.replayConfigMap", "aios-cassettes"));

        // then
        assertThat(notes)
                .contains(
                        "replays the recordings in ConfigMap aios-cassettes: no model is called", "ends ProjectFailed")
                .doesNotContain("no LLM provider is configured");
    }

    @Test
    void neitherWarnsNorMentionsCassettesWhenAProviderIsConfigured() {
        // when
        String notes = HelmChart.notes(Map.of("llm.openaiApiKey", "sk-test"));

        // then
        assertThat(notes)
                .startsWith("NOTES:")
                .doesNotContain("no LLM provider", "replays the recordings", "records every");
    }

    @Test
    void usesAnExistingSecretByNameAndCreatesNone() {
        // when
        Manifests manifests =
                Manifests.parse(HelmChart.render(List.of(), Map.of("secrets.existingSecret", "aios-keys")));

        // then
        assertThat(manifests.ofKind("Secret")).isEmpty();
        String yaml = manifests.yaml();
        assertThat(yaml).contains("name: aios-keys").doesNotContain("name: aios-secrets");
    }

    private static List<String> volumeNames(Map<String, Object> deployment) {
        return Yaml.listAt(deployment, "spec.template.spec.volumes").stream()
                .map(v -> Yaml.stringAt(Yaml.map(v, "volume"), "name"))
                .toList();
    }

    private static Map<String, Object> volume(Map<String, Object> deployment, String name) {
        return Yaml.listAt(deployment, "spec.template.spec.volumes").stream()
                .map(v -> Yaml.map(v, "volume"))
                .filter(v -> name.equals(v.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name + " in " + volumeNames(deployment)));
    }

    /** The first container's volume mounts by volume name. */
    private static Map<String, Map<String, Object>> volumeMounts(Map<String, Object> deployment) {
        Map<String, Map<String, Object>> mounts = new LinkedHashMap<>();
        Yaml.listAt(Manifests.firstContainer(deployment), "volumeMounts").stream()
                .map(m -> Yaml.map(m, "volumeMount"))
                .forEach(m -> mounts.put(String.valueOf(m.get("name")), m));
        return mounts;
    }

    private static List<String> envNames(Map<String, Object> container) {
        return Yaml.listAt(container, "env").stream()
                .map(e -> Yaml.stringAt(Yaml.map(e, "env"), "name"))
                .toList();
    }

    private static Map<String, Object> envEntry(Map<String, Object> container, String name) {
        return Yaml.listAt(container, "env").stream()
                .map(e -> Yaml.map(e, "env"))
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env entry " + name + " in " + envNames(container)));
    }

    private static List<Object> ports(Map<String, Object> rule) {
        return Yaml.listAt(rule, "ports").stream()
                .map(port -> Yaml.map(port, "port").get("port"))
                .toList();
    }

    /** Whether a label selector (matchLabels and In/NotIn/Exists matchExpressions) selects a pod with these labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        Object matchLabels = selector.get("matchLabels");
        if (matchLabels instanceof Map<?, ?> required
                && !required.entrySet().stream()
                        .allMatch(e -> String.valueOf(e.getValue())
                                .equals(String.valueOf(labels.get(String.valueOf(e.getKey())))))) {
            return false;
        }
        for (Object expression : Yaml.listAt(selector, "matchExpressions")) {
            Map<String, Object> e = Yaml.map(expression, "matchExpression");
            Object value = labels.get(String.valueOf(e.get("key")));
            List<String> values =
                    Yaml.listAt(e, "values").stream().map(String::valueOf).toList();
            boolean ok = switch (String.valueOf(e.get("operator"))) {
                case "In" -> value != null && values.contains(String.valueOf(value));
                case "NotIn" -> value == null || !values.contains(String.valueOf(value));
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator " + e.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
