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
        assertThat(agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(SERVICE + ".jar"), config(APPLICATION_YML)))
                .isEmpty();
    }

    @Test
    void namesTheJarWhenTheBuildNamesItDifferently() throws IOException {
        List<String> problems = agreement(composeText(), chartText(), dockerfileText())
                .problems(SERVICE, module(SERVICE + "-0.1.0-SNAPSHOT.jar"), config(APPLICATION_YML));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("agents-qa: jar:").contains("agents-qa-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void namesThePortWhenComposeBuildsTheImageForAnotherPort() throws IOException {
        String compose = composeText().replace("MODULE: agents-qa\n        SERVER_PORT: \"8085\"", "MODULE: agents-qa\n        SERVER_PORT: \"9085\"");

        List<String> problems = agreement(compose, chartText(), dockerfileText()).problems(SERVICE, module(SERVICE + ".jar"), config(APPLICATION_YML));

        assertThat(problems).containsExactly(
                "agents-qa: port: docker-compose.yml build arg SERVER_PORT is 9085 but should be 8085");
    }

    @Test
    void namesThePortWhenTheServiceMovesButTheChartDoesNot() throws IOException {
        List<String> problems = agreement(composeText(), chartText(), dockerfileText())
                .problems(SERVICE, module(SERVICE + ".jar"), config(APPLICATION_YML.replace("8085", "8095")));

        assertThat(problems)
                .contains("agents-qa: port: helm/aios containerPort is 8085 but should be 8095")
                .contains("agents-qa: port: helm/aios SERVER_PORT is 8085 but should be 8095")
                .anySatisfy(p -> assertThat(p).startsWith("agents-qa: port: deploy/prometheus.yml scrapes no agents-qa:8095"));
    }

    @Test
    void namesTheHealthPathWhenTheChartProbesAnotherPath() throws IOException {
        String chart = chartText().replaceFirst("path: /actuator/health/readiness", "path: /health");

        List<String> problems = agreement(composeText(), chart, dockerfileText()).problems("agents-backend", module("agents-backend.jar"), config(APPLICATION_YML.replace("8085", "8084")));

        assertThat(problems).containsExactly(
                "agents-backend: health path: helm/aios readinessProbe is /health but should be /actuator/health/readiness");
    }

    @Test
    void namesTheHealthPathWhenTheServiceMovesItsActuatorBasePath() throws IOException {
        String moved = APPLICATION_YML.replace("    web:\n", "    web:\n      base-path: /manage\n");

        List<String> problems = agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(SERVICE + ".jar"), config(moved));

        assertThat(problems)
                .contains("agents-qa: health path: docker/Dockerfile HEALTHCHECK is /actuator/health/liveness but should be /manage/health/liveness")
                .contains("agents-qa: health path: helm/aios livenessProbe is /actuator/health/liveness but should be /manage/health/liveness");
    }

    @Test
    void namesTheUserWhenTheImageRunsAsAnotherUid() throws IOException {
        String dockerfile = dockerfileText().replace("USER 10001:10001", "USER 10002:10002");

        List<String> problems = agreement(composeText(), chartText(), dockerfile).problems(SERVICE, module(SERVICE + ".jar"), config(APPLICATION_YML));

        assertThat(problems).contains(
                "agents-qa: user: docker-compose.yml user is 10001 but should be 10002",
                "agents-qa: user: helm/aios pod runAsUser is 10001 but should be 10002");
    }

    @Test
    void namesARequiredEnvVarThatNeitherComposeNorTheChartSets() throws IOException {
        String needsKey = APPLICATION_YML + "aios:\n  vault:\n    token: ${AIOS_VAULT_TOKEN}\n  optional: ${AIOS_OPTIONAL:x}\n";

        List<String> problems = agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(SERVICE + ".jar"), config(needsKey));

        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("agents-qa: required env var AIOS_VAULT_TOKEN:"));
    }

    @Test
    void namesTheMetricsEndpointWhenTheServiceStopsExposingIt() throws IOException {
        String hidden = APPLICATION_YML.replace("include: health,info,prometheus", "include: health");
        List<String> problems = agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(SERVICE + ".jar"), config(hidden));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("agents-qa: actuator: prometheus is not exposed over HTTP in docker-compose.yml"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("agents-qa: actuator: prometheus is not exposed over HTTP in helm/aios"));
    }

    @Test
    void namesTheProbeGroupsWhenTheServiceLeavesThemOff() throws IOException {
        String off = APPLICATION_YML.replace("enabled: true", "enabled: false");

        List<String> problems = agreement(composeText(), chartText(), dockerfileText()).problems(SERVICE, module(SERVICE + ".jar"), config(off));

        assertThat(problems).containsExactly(
                "agents-qa: actuator: liveness/readiness groups are off in docker-compose.yml (management.endpoint.health.probes.enabled)",
                "agents-qa: actuator: liveness/readiness groups are off in helm/aios (management.endpoint.health.probes.enabled)");
    }

    private DeploymentAgreement agreement(String compose, String chart, String dockerfile) throws IOException {
        Path composeFile = dir.resolve("docker-compose.yml");
        Files.writeString(composeFile, compose);
        return new DeploymentAgreement(ImageDefinition.parse(dockerfile), new ComposeStack(Yaml.loadFile(composeFile)),
                Manifests.parse(chart), prometheus);
    }

    private SpringConfig config(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "application", ".yml");
        Files.writeString(file, yaml);
        return SpringConfig.read(file);
    }

    private MavenBuild.Module module(String jarName) {
        return new MavenBuild.Module(SERVICE, dir, SERVICE, jarName, true);
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
