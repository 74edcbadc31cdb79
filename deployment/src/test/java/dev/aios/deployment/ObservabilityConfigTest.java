package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compose stack's Prometheus, OpenTelemetry collector and Grafana files refer only to things that exist. */
class ObservabilityConfigTest {

    private final ComposeStack compose = ComposeStack.read();

    @Test
    void prometheusScrapesOnlyHostsAndPortsTheStackRuns() {
        Map<String, Object> prometheus = Yaml.loadFile(RepositoryRoot.resolve("deploy/prometheus.yml"));
        List<String> targets = Yaml.listAt(prometheus, "scrape_configs").stream()
                .flatMap(job -> Yaml.listAt(Yaml.map(job, "job"), "static_configs").stream())
                .flatMap(group -> Yaml.listAt(Yaml.map(group, "group"), "targets").stream())
                .map(String::valueOf)
                .toList();

        assertThat(targets)
                .isNotEmpty()
                .allSatisfy(target -> assertThat(compose.services())
                        .as("prometheus target %s names a compose service", target)
                        .containsKey(target.substring(0, target.indexOf(':'))));
        assertThat(targets).contains("rabbitmq:15692", "otel-collector:8889");
    }

    @Test
    void collectorPipelinesUseOnlyDeclaredComponentsAndExposeWhatPrometheusScrapes() {
        Map<String, Object> collector = Yaml.loadFile(RepositoryRoot.resolve("deploy/otel-collector.yaml"));
        Map<String, Object> pipelines = Yaml.mapAt(collector, "service.pipelines");
        assertThat(pipelines).containsKey("traces");
        pipelines.forEach((name, spec) -> {
            Map<String, Object> pipeline = Yaml.map(spec, name);
            for (String stage : List.of("receivers", "processors", "exporters")) {
                for (Object component : Yaml.listAt(pipeline, stage)) {
                    boolean declared = Yaml.mapAt(collector, stage).containsKey(String.valueOf(component))
                            || Yaml.mapAt(collector, "connectors").containsKey(String.valueOf(component));
                    assertThat(declared)
                            .as("pipeline %s %s %s is declared", name, stage, component)
                            .isTrue();
                }
            }
        });
        assertThat(Yaml.stringAt(collector, "exporters.prometheus.endpoint")).endsWith(":8889");
        assertThat(Yaml.stringAt(collector, "receivers.otlp.protocols.http.endpoint"))
                .endsWith(":4318");
        Map<String, String> env = ComposeStack.environment(compose.service("orchestrator"));
        assertThat(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
                .isEqualTo("http://otel-collector:4318/v1/traces");
    }

    @Test
    void everyDashboardPanelQueriesTheProvisionedDatasource() {
        Map<String, Object> dashboard = Yaml.loadFile(RepositoryRoot.resolve("deploy/grafana/dashboards/aios.json"));
        List<Object> panels = Yaml.listAt(dashboard, "panels");

        assertThat(panels).hasSizeGreaterThanOrEqualTo(6).allSatisfy(p -> {
            Map<String, Object> panel = Yaml.map(p, "panel");
            assertThat(Yaml.stringAt(panel, "datasource.uid"))
                    .as("panel %s", panel.get("title"))
                    .isEqualTo("aios-prometheus");
            assertThat(Yaml.listAt(panel, "targets"))
                    .as("panel %s", panel.get("title"))
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(Yaml.stringAt(Yaml.map(t, "target"), "expr"))
                            .isNotBlank());
        });
        assertThat(panels)
                .extracting(p -> String.valueOf(Yaml.map(p, "panel").get("title")))
                .contains(
                        "Tasks finished per role",
                        "Command queue depth",
                        "Dead-letter queue size",
                        "LLM tokens per tier",
                        "LLM cost per tier (USD, last hour)",
                        "Circuit breaker states");
        String provider = Yaml.stringAt(
                Yaml.map(
                        Yaml.listAt(
                                        Yaml.loadFile(RepositoryRoot.resolve(
                                                "deploy/grafana/provisioning/dashboards/aios.yml")),
                                        "providers")
                                .getFirst(),
                        "provider"),
                "options.path");
        assertThat(Yaml.listAt(compose.service("grafana"), "volumes"))
                .contains("./deploy/grafana/dashboards:" + provider + ":ro");
    }
}
