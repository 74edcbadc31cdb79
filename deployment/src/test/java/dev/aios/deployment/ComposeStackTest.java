package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeStackTest {

    private static final List<String> INFRASTRUCTURE =
            List.of("rabbitmq", "postgres", "redis", "qdrant", "otel-collector", "prometheus", "grafana");

    /** The router's own configuration: what its readiness group holds and which variables it reads. */
    private static final SpringConfig ROUTER_CONFIG =
            SpringConfig.read(RepositoryRoot.resolve("llm-router/src/main/resources/application.yml"));

    private final ComposeStack compose = ComposeStack.read();

    @Test
    void runsTheInfrastructureAndEveryAiosService() {
        assertThat(compose.services()).containsKeys(INFRASTRUCTURE.toArray(String[]::new));
        assertThat(compose.aiosServices().keySet())
                .containsExactlyInAnyOrder(
                        "orchestrator",
                        "llm-router",
                        "agents-cto",
                        "agents-frontend",
                        "agents-backend",
                        "agents-qa",
                        "agents-devops");
        assertThat(Yaml.stringAt(compose.service("rabbitmq"), "image")).contains("management");
    }

    @Test
    void buildsEveryAiosServiceFromTheSharedDockerfileWithItsOwnModule() {
        compose.aiosServices().forEach((name, service) -> {
            assertThat(ComposeStack.buildArg(service, "MODULE"))
                    .as("%s build arg MODULE", name)
                    .isEqualTo(name);
            assertThat(Yaml.stringAt(service, "build.context"))
                    .as("%s build context", name)
                    .isEqualTo(".");
            assertThat(Yaml.stringAt(service, "image"))
                    .as("%s image", name)
                    .endsWith("/" + name + ":${AIOS_IMAGE_TAG:-latest}");
        });
    }

    @Test
    void healthChecksEveryServiceExceptTheDistrolessCollectorAndOneShots() {
        compose.services().forEach((name, spec) -> {
            Map<String, Object> service = Yaml.map(spec, name);
            if (name.equals("otel-collector") || "no".equals(service.get("restart"))) {
                // the distroless collector has no shell; a one-shot (rabbitmq-provision) is awaited by its exit code
                assertThat(service).doesNotContainKey("healthcheck");
            } else {
                assertThat(ComposeStack.healthCheckTest(service))
                        .as("%s healthcheck", name)
                        .isNotEmpty();
            }
        });
    }

    @Test
    void startsAServiceOnlyAfterWhatItDependsOnIsHealthy() {
        compose.services().forEach((name, spec) -> {
            Map<String, Object> dependsOn = Yaml.mapAt(Yaml.map(spec, name), "depends_on");
            dependsOn.forEach((dependency, condition) -> {
                String expected = switch (dependency) {
                    case "otel-collector" -> "service_started";
                    case "rabbitmq-provision" -> "service_completed_successfully";
                    default -> "service_healthy";
                };
                assertThat(Yaml.stringAt(Yaml.map(condition, dependency), "condition"))
                        .as("%s depends_on %s", name, dependency)
                        .isEqualTo(expected);
                assertThat(compose.services())
                        .as("%s depends on an unknown service", name)
                        .containsKey(dependency);
            });
        });
        assertThat(Yaml.mapAt(compose.service("orchestrator"), "depends_on"))
                .containsKeys("rabbitmq", "postgres", "redis", "qdrant");
        for (String agent : List.of("agents-cto", "agents-frontend", "agents-backend", "agents-qa", "agents-devops")) {
            assertThat(Yaml.mapAt(compose.service(agent), "depends_on"))
                    .as(agent)
                    .containsKeys("rabbitmq", "redis", "llm-router");
        }
    }

    @Test
    void letsOnlyTheQaAgentBuildItsSandboxAndKeepsNoNewPrivilegesEverywhere() {
        compose.aiosServices().forEach((name, service) -> {
            List<String> options = Yaml.listAt(service, "security_opt").stream()
                    .map(String::valueOf)
                    .toList();
            assertThat(options).as("%s security_opt", name).contains("no-new-privileges:true");
            if (name.equals("agents-qa")) {
                assertThat(options).contains("seccomp=unconfined", "apparmor=unconfined");
            } else {
                assertThat(options).as("%s security_opt", name).noneMatch(option -> option.contains("unconfined"));
            }
        });
    }

    @Test
    void limitsTheMemoryOfEveryContainer() {
        compose.services()
                .forEach((name, spec) -> assertThat(Yaml.stringAt(Yaml.map(spec, name), "mem_limit"))
                        .as("%s mem_limit", name)
                        .matches("[0-9]+[mg]"));
    }

    @Test
    void keepsStateInDeclaredNamedVolumes() {
        Map<String, Object> declared = Yaml.mapAt(compose.document(), "volumes");
        for (String stateful : List.of("rabbitmq", "postgres", "redis", "qdrant", "prometheus", "grafana")) {
            List<String> mounts = Yaml.listAt(compose.service(stateful), "volumes").stream()
                    .map(String::valueOf)
                    .toList();
            assertThat(mounts)
                    .as("%s volumes", stateful)
                    .anySatisfy(mount -> assertThat(declared).containsKey(mount.substring(0, mount.indexOf(':'))));
        }
    }

    @Test
    void takesProviderKeysFromAnUncommittedEnvFileDocumentedByAnExample() throws IOException {
        assertThat(ComposeStack.envFiles(compose.service("llm-router"))).containsExactly(".env");
        assertThat(ComposeStack.envExampleKeys())
                .contains(
                        "ANTHROPIC_API_KEY",
                        "OPENAI_API_KEY",
                        "AIOS_LOCAL_MODEL_URL",
                        "AIOS_LOCAL_MODEL_NAME",
                        "RABBITMQ_PASSWORD",
                        "POSTGRES_PASSWORD",
                        "GRAFANA_ADMIN_PASSWORD");
        assertThat(Files.readAllLines(RepositoryRoot.resolve(".gitignore"))).contains(".env");
        assertThat(Files.readString(ComposeStack.FILE))
                .doesNotContainPattern("(?im)(sk-[a-z0-9]{8,}|PASSWORD: [a-z0-9]{6,}$)");
    }

    @Test
    void runsTheRouterInDeploymentModeAndOffersTheSharedRateLimitsThroughTheEnvFile() {
        // given
        List<String> rateLimits = List.of(
                "AIOS_ANTHROPIC_REQUESTS_PER_MINUTE",
                "AIOS_ANTHROPIC_TOKENS_PER_MINUTE",
                "AIOS_OPENAI_REQUESTS_PER_MINUTE",
                "AIOS_OPENAI_TOKENS_PER_MINUTE",
                "AIOS_ROUTER_RATE_LIMIT_MAX_WAIT");

        // then every call must name its project and budget, and the router reads each limit the example offers
        assertThat(ComposeStack.environment(compose.service("llm-router")))
                .containsEntry("AIOS_ROUTER_DEPLOYMENT_MODE", "true");
        assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_DEPLOYMENT_MODE")).isTrue();
        assertThat(ComposeStack.envExampleKeys()).containsAll(rateLimits);
        rateLimits.forEach(
                name -> assertThat(ROUTER_CONFIG.reads(name)).as(name).isTrue());
    }

    @Test
    void keepsTheRoutersOwnReadinessMembersSoARouterWithNothingToAnswerWithStaysUnhealthy() {
        // given the members the router's application.yml puts in its readiness group
        List<String> own = ROUTER_CONFIG.readinessMembers();

        // when compose replaces the group for the router
        String include = ComposeStack.environment(compose.service("llm-router"))
                .get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE");

        // then none is dropped: `models` is down while no key, no local model and no recording can answer, and the
        // agents wait for a healthy router
        assertThat(own).contains("models");
        assertThat(List.of(include.split(","))).containsAll(own);
        assertThat(ComposeStack.healthCheckTest(compose.service("llm-router"))).contains("/actuator/health/readiness");
    }

    @Test
    void offersRecordAndReplayToTheRouterThroughTheEnvFile() {
        // given
        List<String> recordAndReplay = List.of("AIOS_ROUTER_RECORD", "AIOS_ROUTER_RECORD_LABEL", "AIOS_ROUTER_REPLAY");

        // then the example lists them, the router loads the env file, and its application.yml reads each of them
        assertThat(ComposeStack.envExampleKeys()).containsAll(recordAndReplay);
        assertThat(ComposeStack.envFiles(compose.service("llm-router"))).containsExactly(".env");
        recordAndReplay.forEach(
                name -> assertThat(ROUTER_CONFIG.reads(name)).as(name).isTrue());
    }

    @Test
    void documentsEveryVariableItInterpolatesWithoutADefaultInTheEnvExample() throws IOException {
        // ${VAR}, ${VAR:?error} and ${VAR?error} need a value from .env; ${VAR:-default} does not
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:?[-?+][^}]*)?}")
                .matcher(Files.readString(ComposeStack.FILE));
        List<String> keys = ComposeStack.envExampleKeys();
        int interpolations = 0;
        while (m.find()) {
            interpolations++;
            String modifier = m.group(2) == null ? "" : m.group(2);
            if (!modifier.startsWith(":-") && !modifier.startsWith("-")) {
                assertThat(keys)
                        .as("docker-compose.yml needs %s: deploy/.env.example must list it", m.group(1))
                        .contains(m.group(1));
            }
        }
        assertThat(interpolations).isPositive();
    }

    @Test
    void isAValidComposeFileForDockerComposeWhereThePluginExists() throws Exception {
        // given: only machines with Docker have the plugin; ours have none, so this proves itself only there
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("docker"), "no docker binary on PATH");
        Process version = new ProcessBuilder("docker", "compose", "version")
                .redirectErrorStream(true)
                .start();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                version.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && version.exitValue() == 0,
                "the docker CLI has no compose plugin here");
        Path env = Files.createTempFile("aios-compose", ".env");
        Files.writeString(env, "RABBITMQ_PASSWORD=x\nPOSTGRES_PASSWORD=x\nGRAFANA_ADMIN_PASSWORD=x\n");
        Process process = new ProcessBuilder(
                        "docker",
                        "compose",
                        "--env-file",
                        env.toString(),
                        "-f",
                        ComposeStack.FILE.toString(),
                        "config",
                        "-q")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
                .as("docker compose config finished")
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes());

        // then
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static boolean onPath(String binary) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }

    @Test
    void provisionsGrafanaWithThePrometheusDatasourceAndTheAiosDashboard() throws IOException {
        Map<String, Object> datasource = Yaml.map(
                Yaml.listAt(
                                Yaml.loadFile(RepositoryRoot.resolve(
                                        "deploy/grafana/provisioning/datasources/prometheus.yml")),
                                "datasources")
                        .getFirst(),
                "datasource");
        assertThat(datasource).containsEntry("url", "http://prometheus:9090").containsEntry("uid", "aios-prometheus");
        String dashboard = Files.readString(RepositoryRoot.resolve("deploy/grafana/dashboards/aios.json"));
        assertThat(dashboard)
                .contains(
                        "aios_agent_tasks_total",
                        "rabbitmq_detailed_queue_messages",
                        "\\\\.dlq",
                        "aios_router_tokens_total",
                        "aios_router_cost_micros_total",
                        "resilience4j_circuitbreaker_state")
                .contains("\"uid\": \"aios-prometheus\"");
    }

    @Test
    void mountsOnlyConfigurationFilesThatExist() {
        compose.services()
                .forEach((name, spec) -> Yaml.listAt(Yaml.map(spec, name), "volumes").stream()
                        .map(String::valueOf)
                        .filter(mount -> mount.startsWith("./"))
                        .forEach(mount -> assertThat(RepositoryRoot.resolve(mount.substring(2, mount.indexOf(':'))))
                                .as("%s mounts %s", name, mount)
                                .exists()));
    }

    @Test
    void givesEachAgentItsOwnRouterTokenAndTheRouterTheirDigestsThroughTheEnvFile() {
        for (String agent : List.of("agents-cto", "agents-frontend", "agents-backend", "agents-qa", "agents-devops")) {
            String variable = agent.toUpperCase().replace('-', '_');
            assertThat(ComposeStack.environment(compose.service(agent)).get("AIOS_ROUTER_TOKEN"))
                    .as(agent)
                    .startsWith("${AIOS_ROUTER_TOKEN_" + variable + ":?");
            assertThat(ComposeStack.envExampleKeys())
                    .contains("AIOS_ROUTER_TOKEN_" + variable, "AIOS_ROUTER_CLIENT_" + variable + "_SHA256");
            assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_CLIENT_" + variable + "_SHA256"))
                    .as(agent)
                    .isTrue();
        }
        assertThat(ComposeStack.environment(compose.service("llm-router")))
                .containsEntry("MANAGEMENT_SERVER_PORT", "9081")
                .doesNotContainKey("AIOS_ROUTER_TOKEN");
        // the orchestrator's own token reads budgets (ADR 0043) and is optional: an older .env without it still starts
        assertThat(ComposeStack.environment(compose.service("orchestrator")))
                .containsEntry("AIOS_ROUTER_TOKEN", "${AIOS_ROUTER_TOKEN_ORCHESTRATOR:-}")
                .containsEntry("AIOS_ROUTER_URL", "http://llm-router:8081");
        assertThat(ComposeStack.envExampleKeys())
                .contains("AIOS_ROUTER_TOKEN_ORCHESTRATOR", "AIOS_ROUTER_CLIENT_ORCHESTRATOR_SHA256");
        assertThat(ROUTER_CONFIG.reads("AIOS_ROUTER_CLIENT_ORCHESTRATOR_SHA256"))
                .isTrue();
        assertThat(Yaml.listAt(compose.service("llm-router"), "ports"))
                .map(String::valueOf)
                .noneMatch(p -> p.contains("9081"));
    }

    @Test
    void generateEnvWritesRandomRouterTokensWithTheirDigestsAndKeepsWhatIsSet(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // given no .env yet
        Path env = dir.resolve(".env");

        // when the script runs twice
        run(RepositoryRoot.resolve("deploy/generate-env.sh").toString(), env.toString());
        List<String> first = Files.readAllLines(env);
        run(RepositoryRoot.resolve("deploy/generate-env.sh").toString(), env.toString());

        // then every token is random, at least 32 characters, distinct, with its SHA-256 beside it; a rerun keeps them
        Map<String, String> values = new java.util.HashMap<>();
        first.stream()
                .filter(l -> l.matches("[A-Z_0-9]+=.*"))
                .forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        java.util.Set<String> tokens = new java.util.HashSet<>();
        for (String agent : List.of(
                "ORCHESTRATOR", "AGENTS_CTO", "AGENTS_FRONTEND", "AGENTS_BACKEND", "AGENTS_QA", "AGENTS_DEVOPS")) {
            String token = values.get("AIOS_ROUTER_TOKEN_" + agent);
            assertThat(token).as(agent).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
            tokens.add(token);
            String digest = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(values.get("AIOS_ROUTER_CLIENT_" + agent + "_SHA256"))
                    .as(agent)
                    .isEqualTo(digest);
        }
        assertThat(tokens).hasSize(6);
        assertThat(values.get("POSTGRES_PASSWORD")).isNotBlank();
        assertThat(Files.readAllLines(env)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(env))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).doesNotContainPattern("=[A-Za-z0-9_-]{32,}");
    }
}
