package dev.aios.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Lints and renders helm/aios in-process (helm-java: Helm's Go library through JNA); renders are cached per values file. */
final class HelmChart {

    static final String RELEASE = "aios";
    static final String NAMESPACE = "aios";
    static final String KUBE_VERSION = "1.32.0";
    static final Path CHART = RepositoryRoot.resolve("helm/aios");
    static final Path ALL_ON_VALUES = CHART.resolve("ci/all-on-values.yaml");
    static final Path BAD_VALUES = CHART.resolve("ci/bad-values.yaml");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private HelmChart() {}

    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    static Manifests renderDefaults() {
        return RENDERED.computeIfAbsent(
                "defaults", key -> Manifests.parse(template().call()));
    }

    static Manifests renderAllOn() {
        return RENDERED.computeIfAbsent(
                "all-on",
                key -> Manifests.parse(template().withValuesFile(ALL_ON_VALUES).call()));
    }

    /** Renders with extra values files and --set pairs; not cached. */
    static String render(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand command = template();
        valuesFiles.forEach(command::withValuesFile);
        sets.forEach(command::set);
        return command.call();
    }

    /** What `helm install` prints (NOTES.txt), from a client-only dry-run install with these --set pairs; "" if none. */
    static String notes(Map<String, Object> sets) {
        InstallCommand install = new Helm(CHART)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .clientOnly()
                .dryRun();
        sets.forEach(install::set);
        String output = install.call().getOutput();
        int notes = output.indexOf("NOTES:");
        return notes < 0 ? "" : output.substring(notes);
    }

    private static TemplateCommand template() {
        return new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
    }
}
