package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-check must fail, naming the service and the field, for each kind of disagreement. */
class DeploymentAgreementTest {

    private static final String SERVICE = "agents-qa";
    private static final String APPLICATION_YML = """
            server:
              port: ${PORT:8085}
            aios:
              messaging:
                topology: ${AIOS_MESSAGING_TOPOLOGY:declare}
                topology-wait: ${AIOS_MESSAGING_TOPOLOGY_WAIT:0s}
              router:
                url: ${AIOS_ROUTER_URL:http://localhost:8081}
                token: ${AIOS_ROUTER_TOKEN}
              sandbox:
                allow-unisolated: ${AIOS_SANDBOX_ALLOW_UNISOLATED:false}
            management:
              endpoints:
                web:
                  exposure:
                    include: health,info,prometheus
              endpoint:
                health:
                  probes:
                    enabled: true
            """;

    @TempDir
    Path dir;

    private final Map<String, Object> prometheus = Yaml.loadFile(RepositoryRoot.resolve("deploy/prometheus.yml"));

    @Test
    void agreesWhenEverySourceSaysTheSame() throws IOException {
        assertThat(agreement(composeText(), chartText(), dockerfileText())
                        .problems(SERVICE, module(), config(APPLICATION_YML)))
                .isEmpty();
    }

    @Test
    void namesTheJarWhenTheModuleIsNotRepackagedByBoot() throws IOException {
        List<String> problems = agreement(composeText(), chartText(), dockerfileText())
                .problems(SERVICE, new MavenBuild.Module(SERVICE, dir, SERVICE, false), config(APPLICATION_YML));

        assertThat(problems)
                .containsExactly("agents-qa: jar: agents-qa/pom.xml has no spring-boot-maven-plugin, so the build"
                        + " makes no executable layered Boot jar for docker/Dockerfile to copy");
    }

    @Test
    void namesThePortWhenComposeBuildsTheImageForAnotherPort() throws IOException {
        String compose = composeText()
                .replace(
                        "MODULE: agents-qa\n        SERVER_PORT: \"8085\"",
                        "MODULE: agents-qa\n        SERVER_PORT: \"9085\"");

        List<String> problems =
                agreement(compose, chartText(), dockerfileText()).problems(SERVICE, module(), config(APPLICATION_YML));

        assertThat(problems)
                .containsExactly(
                        "agents-qa: port: docker-compose.yml build arg SERVER_PORT is 9085 but should be 8085");
    }

    @Test
    void namesThePortWhenTheServiceMovesButTheChartDoesNot() throws IOException {
        List<String> problems = agreement(composeText(), chartText(), dockerfileText())
                .problems(SERVICE, module(), config(APPLICATION_YML.replace("8085", "8095")));

        assertThat(problems)
                .contains("agents-qa: port: helm/aios containerPort is 8085 but should be 8095")
                .contains("agents-qa: port: helm/aios SERVER_PORT is 8085 but should be 8095")
                .anySatisfy(p ->
                        assertThat(p).startsWith("agents-qa: port: deploy/prometheus.yml scrapes no agents-qa:8095"));
    }

    @Test
    void acceptsTheRoutersManagementPortOnlyWhereProbesAndScrapesFollowIt() throws IOException {
        // given the router as the repository deploys it: actuator on 9081, the API on 8081 closed to all but AIOS
        // services
        SpringConfig router =
                SpringConfig.read(RepositoryRoot.resolve("llm-router/src/main/resources/application.yml"));
        MavenBuild.Module module = new MavenBuild.Module("llm-router", dir, "llm-router", true);
        assertThat(agreement(composeText(), chartText(), dockerfileText()).problems("llm-router", module, router))
                .isEmpty();

        // when the chart probed the API port instead, or Prometheus scraped it
        String chart = chartText().replace("port: management", "port: http");
        String prometheusText = Files.readString(RepositoryRoot.resolve("deploy/prometheus.yml"))
                .replace("llm-router:9081", "llm-router:8081");
        Path scrapeFile = dir.resolve("prometheus.yml");
        Files.writeString(scrapeFile, prometheusText);
        Path composeFile = dir.resolve("docker-compose.yml");
        Files.writeString(composeFile, composeText());
        List<String> problems = new DeploymentAgreement(
                        ImageDefinition.parse(dockerfileText()),
                        new ComposeStack(Yaml.loadFile(composeFile)),
                        Manifests.parse(chart),
                        Yaml.loadFile(scrapeFile))
                .problems("llm-router", module, router);

        // then both are named
        assertThat(problems)
                .contains(
                        "llm-router: port: helm/aios livenessProbe port is 8081 but should be 9081",
                        "llm-router: port: helm/aios readinessProbe port is 8081 but should be 9081")
                .anySatisfy(p ->
                        assertThat(p).startsWith("llm-router: port: deploy/prometheus.yml scrapes no llm-router:9081"));
    }

    @Test
    void namesTheHealthPathWhenTheChartProbesAnotherPath() throws IOException {
        String chart = chartText().replaceFirst("path: /actuator/health/readiness", "path: /health");

        List<String> problems = agreement(composeText(), chart, dockerfileText())
                .problems("agents-backend", module(), config(APPLICATION_YML.replace("8085", "8084")));

        assertThat(problems)
                .containsExactly(
                        "agents-backend: health path: helm/aios readinessProbe is /health but should be /actuator/health/readiness");
    }

    @Test
    void namesTheHealthPathWhenTheServiceMovesItsActuatorBasePath() throws IOException {
        String moved = APPLICATION_YML.replace("    web:\n", "    web:\n      base-path: /manage\n");

        List<String> problems =
                agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(), config(moved));

        assertThat(problems)
                .contains(
                        "agents-qa: health path: docker/Dockerfile HEALTHCHECK is /actuator/health/liveness but should be /manage/health/liveness")
                .contains(
                        "agents-qa: health path: helm/aios livenessProbe is /actuator/health/liveness but should be /manage/health/liveness");
    }

    @Test
    void namesTheUserWhenTheImageRunsAsAnotherUid() throws IOException {
        String dockerfile = dockerfileText().replace("USER 10001:10001", "USER 10002:10002");

        List<String> problems =
                agreement(composeText(), chartText(), dockerfile).problems(SERVICE, module(), config(APPLICATION_YML));

        assertThat(problems)
                .contains(
                        "agents-qa: user: docker-compose.yml user is 10001 but should be 10002",
                        "agents-qa: user: helm/aios pod runAsUser is 10001 but should be 10002");
    }

    @Test
    void namesARequiredEnvVarThatNeitherComposeNorTheChartSets() throws IOException {
        String needsKey = APPLICATION_YML.replace(
                "aios:\n", "aios:\n  vault:\n    token: ${AIOS_VAULT_TOKEN}\n  optional: ${AIOS_OPTIONAL:x}\n");

        List<String> problems =
                agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(), config(needsKey));

        assertThat(problems)
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).startsWith("agents-qa: required env var AIOS_VAULT_TOKEN:"));
    }

    @Test
    void namesAnEnvVarTheDeploymentsSetButTheServiceDoesNotRead() throws IOException {
        // the service moved its setting to another name: AIOS_ROUTER_URL now reaches nothing
        String renamed = APPLICATION_YML.replace(
                "url: ${AIOS_ROUTER_URL:http://localhost:8081}", "base-url: ${AIOS_ROUTER_BASE:x}");

        List<String> problems =
                agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(), config(renamed));

        assertThat(problems)
                .containsExactly(
                        "agents-qa: env var AIOS_ROUTER_URL: docker-compose.yml sets it but application.yml reads no ${AIOS_ROUTER_URL}"
                                + " and has no property of that name, so it changes nothing",
                        "agents-qa: env var AIOS_ROUTER_URL: helm/aios sets it but application.yml reads no ${AIOS_ROUTER_URL}"
                                + " and has no property of that name, so it changes nothing");
    }

    @Test
    void acceptsAnEnvVarThatIsTheEnvironmentFormOfAPropertyTheServiceHas() throws IOException {
        // no placeholder, but Spring binds AIOS_ROUTER_URL to aios.router.url by itself
        String bound =
                APPLICATION_YML.replace("url: ${AIOS_ROUTER_URL:http://localhost:8081}", "url: http://localhost:8081");

        List<String> problems =
                agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(), config(bound));

        assertThat(problems).isEmpty();
    }

    @Test
    void namesTheMetricsEndpointWhenTheServiceStopsExposingIt() throws IOException {
        String hidden = APPLICATION_YML.replace("include: health,info,prometheus", "include: health");
        List<String> problems =
                agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(), config(hidden));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("agents-qa: actuator: prometheus is not exposed over HTTP in docker-compose.yml"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("agents-qa: actuator: prometheus is not exposed over HTTP in helm/aios"));
    }

    @Test
    void namesTheProbeGroupsWhenTheServiceLeavesThemOff() throws IOException {
        String off = APPLICATION_YML.replace("enabled: true", "enabled: false");

        List<String> problems =
                agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(), config(off));

        assertThat(problems)
                .containsExactly(
                        "agents-qa: actuator: liveness/readiness groups are off in docker-compose.yml (management.endpoint.health.probes.enabled)",
                        "agents-qa: actuator: liveness/readiness groups are off in helm/aios (management.endpoint.health.probes.enabled)");
    }

    private DeploymentAgreement agreement(String compose, String chart, String dockerfile) throws IOException {
        Path composeFile = dir.resolve("docker-compose.yml");
        Files.writeString(composeFile, compose);
        return new DeploymentAgreement(
                ImageDefinition.parse(dockerfile),
                new ComposeStack(Yaml.loadFile(composeFile)),
                Manifests.parse(chart),
                prometheus);
    }

    private SpringConfig config(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "application", ".yml");
        Files.writeString(file, yaml);
        return SpringConfig.read(file);
    }

    private MavenBuild.Module module() {
        return new MavenBuild.Module(SERVICE, dir, SERVICE, true);
    }

    private static String composeText() throws IOException {
        return Files.readString(ComposeStack.FILE);
    }

    private static String chartText() {
        return HelmChart.renderDefaults().yaml();
    }

    private static String dockerfileText() throws IOException {
        return Files.readString(ImageDefinition.FILE);
    }
}
