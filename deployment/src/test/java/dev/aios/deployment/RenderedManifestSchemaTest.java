package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedManifestSchemaTest {

    @Test
    void everyDocumentRenderedWithDefaultValuesMatchesTheKubernetesSchemas() {
        // given
        Manifests manifests = HelmChart.renderDefaults();

        // when
        KubernetesSchemaValidator.Result result = KubernetesSchemaValidator.validate("defaults", manifests.yaml());

        // then
        assertThat(result.valid()).as(result.output()).isTrue();
        assertThat(result.output()).contains(manifests.documents().size() + " documents, 0 invalid");
    }

    @Test
    void everyDocumentRenderedWithEveryOptionOnMatchesTheKubernetesSchemas() {
        // given
        Manifests manifests = HelmChart.renderAllOn();

        // when
        KubernetesSchemaValidator.Result result = KubernetesSchemaValidator.validate("all-on", manifests.yaml());

        // then
        assertThat(result.valid()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains(manifests.documents().size() + " documents, 0 invalid")
                .contains("VALID ScaledObject/aios-agents-cto")
                .contains("VALID ServiceMonitor/aios")
                .contains("VALID Ingress/aios-orchestrator");
    }

    @Test
    void rejectsADocumentThatBreaksTheSchema() {
        // given a Deployment whose container port is a string, as a template typo would render it
        String broken =
                HelmChart.renderDefaults().yaml().replace("containerPort: 8080", "containerPort: \"http-8080\"");

        // when
        KubernetesSchemaValidator.Result result = KubernetesSchemaValidator.validate("broken", broken);

        // then
        assertThat(result.valid()).isFalse();
        assertThat(result.output())
                .contains("INVALID Deployment/aios-orchestrator")
                .contains("containerPort");
    }

    @Test
    void rejectsAKindItHasNoSchemaFor() {
        // given
        String unknown = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n";

        // when
        KubernetesSchemaValidator.Result result = KubernetesSchemaValidator.validate("unknown", unknown);

        // then
        assertThat(result.valid()).isFalse();
        assertThat(result.output()).contains("INVALID Widget/w").contains("no schema known");
    }
}
