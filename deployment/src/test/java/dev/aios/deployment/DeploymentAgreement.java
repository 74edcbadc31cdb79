package dev.aios.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cross-check itself, over already-read sources so tests can feed it a disagreeing copy: every problem is
 * one line "service: field: what disagrees".
 */
final class DeploymentAgreement {

    /** Set so that a container's environment says what it is (for people and logs); no code reads them. */
    private static final Set<String> LABELS = Set.of("AIOS_SERVICE", "AIOS_AGENT_ROLE");

    private final ImageDefinition image;
    private final ComposeStack compose;
    private final Manifests chart;
    private final Map<String, Object> prometheus;

    DeploymentAgreement(ImageDefinition image, ComposeStack compose, Manifests chart, Map<String, Object> prometheus) {
        this.image = image;
        this.compose = compose;
        this.chart = chart;
        this.prometheus = prometheus;
    }

    static DeploymentAgreement ofRepository() {
        return new DeploymentAgreement(
                ImageDefinition.read(),
                ComposeStack.read(),
                HelmChart.renderDefaults(),
                Yaml.loadFile(RepositoryRoot.resolve("deploy/prometheus.yml")));
    }

    List<String> problems(String service, MavenBuild.Module module, SpringConfig config) {
        List<String> problems = new ArrayList<>();
        checkJar(service, module, problems);
        checkCompose(service, config, problems);
        checkChart(service, config, problems);
        return problems;
    }

    /** Which jar the image copies, and that it unpacks, ImageBuildTest checks on the real build's output. */
    private void checkJar(String service, MavenBuild.Module module, List<String> problems) {
        if (!module.springBootApplication()) {
            problems.add(service + ": jar: " + service + "/pom.xml has no spring-boot-maven-plugin, so the build"
                    + " makes no executable layered Boot jar for docker/Dockerfile to copy");
        }
    }

    private void checkCompose(String service, SpringConfig config, List<String> problems) {
        Map<String, Object> composed = compose.aiosServices().get(service);
        if (composed == null) {
            problems.add(
                    service + ": compose: docker-compose.yml builds no service " + service + " from docker/Dockerfile");
            return;
        }
        Map<String, String> env = ComposeStack.environment(composed);
        int port = config.port(withoutServerPort(env));
        String where = "docker-compose.yml";

        expectEqual(
                problems,
                service,
                "port",
                where + " build arg SERVER_PORT",
                ComposeStack.buildArg(composed, "SERVER_PORT"),
                port);
        if (env.containsKey("SERVER_PORT")) {
            expectEqual(problems, service, "port", where + " SERVER_PORT", env.get("SERVER_PORT"), port);
        }
        Yaml.listAt(composed, "ports").stream()
                .map(String::valueOf)
                .forEach(mapping -> expectEqual(
                        problems,
                        service,
                        "port",
                        where + " ports " + mapping,
                        mapping.substring(mapping.lastIndexOf(':') + 1),
                        port));
        checkActuator(service, config, env, port, where, problems);
        checkEnvironmentIsRead(service, config, env, where, problems);

        Set<String> healthPaths = Set.of(liveness(config, env), readiness(config, env));
        List<String> test = ComposeStack.healthCheckTest(composed);
        if (test.stream().noneMatch(healthPaths::contains)) {
            problems.add(
                    service + ": health path: " + where + " healthcheck " + test + " probes none of " + healthPaths);
        }
        expectEqual(
                problems,
                service,
                "health path",
                "docker/Dockerfile HEALTHCHECK",
                image.healthCheckPath(),
                liveness(config, env));
        String composeUser = Yaml.stringAt(composed, "user");
        expectEqual(
                problems,
                service,
                "user",
                where + " user",
                composeUser == null ? null : composeUser.split(":")[0],
                image.runtimeUid());

        Set<String> provided = new HashSet<>(env.keySet());
        if (ComposeStack.envFiles(composed).contains(".env")) {
            provided.addAll(ComposeStack.envExampleKeys());
        }
        for (String required : config.requiredEnvironment()) {
            if (!provided.contains(required)) {
                problems.add(service + ": required env var " + required + ": application.yml needs it (no default) but "
                        + where + " neither sets it nor loads it from .env (deploy/.env.example)");
            }
        }
        checkPrometheusScrape(service, config, env, metricsPort(config, env, port), problems);
        String managementPort = config.managementPort(env);
        if (managementPort != null
                && !managementPort.equals(String.valueOf(port))
                && !image.healthCheckFollowsManagementPort()) {
            problems.add(service + ": port: actuator listens on management port " + managementPort + " in " + where
                    + ", but docker/healthcheck.sh probes SERVER_PORT");
        }
    }

    private void checkChart(String service, SpringConfig config, List<String> problems) {
        String name = HelmChart.RELEASE + "-" + service;
        Optional<Map<String, Object>> deployment = chart.find("Deployment", name);
        if (deployment.isEmpty()) {
            problems.add(service + ": chart: helm/aios renders no Deployment " + name);
            return;
        }
        Map<String, String> env = chart.environmentOf(deployment.get());
        int port = config.port(withoutServerPort(env));
        String where = "helm/aios";
        Map<String, Object> container = Manifests.firstContainer(deployment.get());

        if (env.containsKey("SERVER_PORT")) {
            expectEqual(problems, service, "port", where + " SERVER_PORT", env.get("SERVER_PORT"), port);
        }
        Object containerPort =
                Yaml.map(Yaml.listAt(container, "ports").getFirst(), "port").get("containerPort");
        expectEqual(problems, service, "port", where + " containerPort", containerPort, port);
        chart.find("Service", name)
                .ifPresentOrElse(
                        svc -> expectEqual(
                                problems,
                                service,
                                "port",
                                where + " Service port",
                                Yaml.map(Yaml.listAt(svc, "spec.ports").getFirst(), "port")
                                        .get("port"),
                                port),
                        () -> problems.add(service + ": chart: helm/aios renders no Service " + name));
        checkActuator(service, config, env, port, where, problems);
        checkEnvironmentIsRead(service, config, env, where, problems);

        int metricsPort = metricsPort(config, env, port);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            expectEqual(
                    problems,
                    service,
                    "port",
                    where + " " + probe + " port",
                    containerPort(container, Yaml.stringAt(container, probe + ".httpGet.port")),
                    metricsPort);
        }
        expectEqual(
                problems,
                service,
                "health path",
                where + " livenessProbe",
                Yaml.stringAt(container, "livenessProbe.httpGet.path"),
                liveness(config, env));
        expectEqual(
                problems,
                service,
                "health path",
                where + " startupProbe",
                Yaml.stringAt(container, "startupProbe.httpGet.path"),
                liveness(config, env));
        expectEqual(
                problems,
                service,
                "health path",
                where + " readinessProbe",
                Yaml.stringAt(container, "readinessProbe.httpGet.path"),
                readiness(config, env));
        expectEqual(
                problems,
                service,
                "user",
                where + " pod runAsUser",
                Yaml.stringAt(deployment.get(), "spec.template.spec.securityContext.runAsUser"),
                image.runtimeUid());
        expectEqual(
                problems,
                service,
                "user",
                where + " container runAsUser",
                Yaml.stringAt(container, "securityContext.runAsUser"),
                image.runtimeUid());
        String imageName = String.valueOf(container.get("image"));
        if (!imageName.contains("/" + service + ":")) {
            problems.add(service + ": image: " + where + " runs " + imageName + ", not the image named after module "
                    + service);
        }
        for (String required : config.requiredEnvironment()) {
            if (!env.containsKey(required)) {
                problems.add(service + ": required env var " + required + ": application.yml needs it (no default) but "
                        + where + " sets it neither in env nor in the ConfigMap");
            }
        }
    }

    /**
     * Our own settings (AIOS_*) reach a service only through a ${NAME} placeholder in its application.yml or as the
     * environment form of a property written there; anything else is silently ignored, as AIOS_QDRANT_API_KEY was.
     */
    private static void checkEnvironmentIsRead(
            String service, SpringConfig config, Map<String, String> env, String where, List<String> problems) {
        for (String name : env.keySet()) {
            if (name.startsWith("AIOS_") && !LABELS.contains(name) && !config.reads(name)) {
                problems.add(service + ": env var " + name + ": " + where + " sets it but application.yml reads no ${"
                        + name + "} and has no property of that name, so it changes nothing");
            }
        }
    }

    private static void checkActuator(
            String service,
            SpringConfig config,
            Map<String, String> env,
            int port,
            String where,
            List<String> problems) {
        List<String> exposed = config.exposedEndpoints(env);
        for (String endpoint : List.of("health", "prometheus")) {
            if (!exposed.contains(endpoint) && !exposed.contains("*")) {
                problems.add(service + ": actuator: " + endpoint + " is not exposed over HTTP in " + where
                        + " (management.endpoints.web.exposure.include = " + exposed + ")");
            }
        }
        if (!config.probesEnabled(env)) {
            problems.add(service + ": actuator: liveness/readiness groups are off in " + where
                    + " (management.endpoint.health.probes.enabled)");
        }
    }

    /** Where actuator answers: the management port when one is set apart (the router's), else the server port. */
    private static int metricsPort(SpringConfig config, Map<String, String> env, int port) {
        String management = config.managementPort(env);
        return management == null ? port : Integer.parseInt(management);
    }

    /** A probe's port, by name (resolved through the container's ports) or by number. */
    private static Object containerPort(Map<String, Object> container, String nameOrNumber) {
        if (nameOrNumber == null || nameOrNumber.chars().allMatch(Character::isDigit)) {
            return nameOrNumber;
        }
        return Yaml.listAt(container, "ports").stream()
                .map(port -> Yaml.map(port, "port"))
                .filter(port -> nameOrNumber.equals(port.get("name")))
                .map(port -> port.get("containerPort"))
                .findFirst()
                .orElse(null);
    }

    private void checkPrometheusScrape(
            String service, SpringConfig config, Map<String, String> env, int port, List<String> problems) {
        String target = service + ":" + port;
        String metricsPath = config.actuatorBasePath(env) + "/prometheus";
        boolean scraped = Yaml.listAt(prometheus, "scrape_configs").stream()
                .map(job -> Yaml.map(job, "scrape job"))
                .filter(job -> metricsPath.equals(Yaml.stringAt(job, "metrics_path")))
                .flatMap(job -> Yaml.listAt(job, "static_configs").stream())
                .flatMap(group -> Yaml.listAt(Yaml.map(group, "static config"), "targets").stream())
                .anyMatch(target::equals);
        if (!scraped) {
            problems.add(service + ": port: deploy/prometheus.yml scrapes no " + target + " at " + metricsPath);
        }
    }

    private static void expectEqual(
            List<String> problems, String service, String field, String where, Object actual, Object expected) {
        if (actual == null || !String.valueOf(actual).equals(String.valueOf(expected))) {
            problems.add(service + ": " + field + ": " + where + " is " + actual + " but should be " + expected);
        }
    }

    private static String liveness(SpringConfig config, Map<String, String> env) {
        return config.actuatorBasePath(env) + "/health/liveness";
    }

    private static String readiness(SpringConfig config, Map<String, String> env) {
        return config.actuatorBasePath(env) + "/health/readiness";
    }

    /** The port the module declares for this environment, before the image's SERVER_PORT pins it. */
    private static Map<String, String> withoutServerPort(Map<String, String> env) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.remove("SERVER_PORT");
        return copy;
    }
}
