package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the build (root pom, each service's pom and application.yml), docker/Dockerfile, docker-compose.yml,
 * deploy/prometheus.yml and the rendered Helm chart together, and fails naming the service and the field
 * whenever they disagree on the port, health paths, user, required environment or an AIOS_* setting the service
 * does not read. Which jar the image copies, and that it unpacks, ImageBuildTest checks on the built jars.
 */
class DeploymentConsistencyTest {

    /** Runs every service in one JVM; it is a launcher for development, never deployed as its own image. */
    private static final Set<String> NOT_DEPLOYED = Set.of("standalone");

    private final ComposeStack compose = ComposeStack.read();
    private final DeploymentAgreement agreement = DeploymentAgreement.ofRepository();

    @Test
    void composeAndTheChartDeployTheSameServices() {
        assertThat(chartServices())
                .as("services in helm/aios/values.yaml vs services built from docker/Dockerfile in docker-compose.yml")
                .containsExactlyInAnyOrderElementsOf(compose.aiosServices().keySet());
    }

    @Test
    void everyDeployedServiceIsAModuleOfTheBuild() {
        List<String> modules = MavenBuild.moduleNames();
        assertThat(deployedServices())
                .allSatisfy(service -> assertThat(modules)
                        .as("root pom modules (for service %s)", service)
                        .contains(service));
    }

    @Test
    void everySpringBootApplicationOfTheBuildIsDeployed() {
        for (String name : MavenBuild.moduleNames()) {
            Optional<MavenBuild.Module> module = MavenBuild.module(name);
            boolean application = module.isPresent()
                    && module.get().springBootApplication()
                    && module.get().springConfig().isPresent();
            if (application && !NOT_DEPLOYED.contains(name)) {
                assertThat(deployedServices())
                        .as(
                                "module %s is a Spring Boot application: docker-compose.yml and helm/aios must deploy it",
                                name)
                        .contains(name);
            }
        }
    }

    @Test
    void deploysOneAgentPerRoleTheMessagingKnows() throws java.io.IOException {
        // given the roles of dev.aios.agent.Role, whose lower-case names key the command queues aios.agent.<role>
        java.nio.file.Path roleSource = RepositoryRoot.resolve("agent-base/src/main/java/dev/aios/agent/Role.java");
        java.util.regex.Matcher body = java.util.regex.Pattern.compile("enum Role \\{([^;]*);")
                .matcher(java.nio.file.Files.readString(roleSource));
        assertThat(body.find()).as("Role.java declares enum Role").isTrue();
        Set<String> roles = new TreeSet<>();
        for (String constant : body.group(1).split(",")) {
            roles.add(constant.strip().toLowerCase(java.util.Locale.ROOT));
        }

        // when
        Map<String, Object> services = Yaml.mapAt(Yaml.loadFile(HelmChart.CHART.resolve("values.yaml")), "services");
        Set<String> chartRoles = new TreeSet<>();
        services.forEach((name, spec) -> {
            Map<String, Object> service = Yaml.map(spec, name);
            if ("agent".equals(service.get("kind"))) {
                assertThat(name).as("helm/aios agent service name").isEqualTo("agents-" + service.get("role"));
                chartRoles.add(String.valueOf(service.get("role")));
            }
        });

        // then
        assertThat(chartRoles)
                .as("agent roles in helm/aios/values.yaml vs dev.aios.agent.Role")
                .isEqualTo(roles);
        assertThat(compose.aiosServices().keySet())
                .as("docker-compose.yml agents vs dev.aios.agent.Role")
                .containsAll(roles.stream().map(r -> "agents-" + r).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyServiceAgreesAcrossBuildImageComposeAndChart() {
        return deployedServices().stream().map(service -> DynamicTest.dynamicTest(service, () -> check(service)));
    }

    private void check(String service) {
        MavenBuild.Module module = MavenBuild.module(service)
                .orElseThrow(() -> new AssertionError(service + ": module: not in the root pom's <modules>"));
        SpringConfig config = module.springConfig()
                .orElseThrow(
                        () -> new AssertionError(service + ": config: " + module.applicationYml() + " does not exist"));
        List<String> problems = agreement.problems(service, module, config);
        assertThat(problems)
                .as("%s disagrees:%n  %s", service, String.join("\n  ", problems))
                .isEmpty();
    }

    private Set<String> chartServices() {
        return new TreeSet<>(Yaml.mapAt(Yaml.loadFile(HelmChart.CHART.resolve("values.yaml")), "services")
                .keySet());
    }

    private Set<String> deployedServices() {
        Set<String> services = new TreeSet<>(compose.aiosServices().keySet());
        services.addAll(chartServices());
        return services;
    }
}
