package dev.aios.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates rendered manifests against the Kubernetes OpenAPI schemas with npm kubernetes-models (plus the KEDA
 * and Prometheus Operator models) through src/test/node/validate-manifests.mjs. Installs the pinned packages
 * once into target/ with `npm ci`, so a fresh clone needs no manual step.
 */
final class KubernetesSchemaValidator {

    private static final Path SOURCES = RepositoryRoot.resolve("deployment/src/test/node");
    private static final Path WORKDIR = Path.of(System.getProperty(
            "aios.node.workdir",
            RepositoryRoot.resolve("deployment/target/k8s-validator").toString()));
    private static final long NPM_TIMEOUT_SECONDS = 300;
    private static final long NODE_TIMEOUT_SECONDS = 120;

    record Result(int exitCode, String output) {
        boolean valid() {
            return exitCode == 0;
        }
    }

    private KubernetesSchemaValidator() {}

    static synchronized Result validate(String name, String manifests) {
        installOnce();
        try {
            Path file = WORKDIR.resolve("rendered").resolve(name + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, manifests);
            return run(List.of("node", "validate-manifests.mjs", file.toString()), NODE_TIMEOUT_SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void installOnce() {
        try {
            Files.createDirectories(WORKDIR);
            for (String file : List.of("package.json", "package-lock.json", "validate-manifests.mjs")) {
                Files.copy(
                        SOURCES.resolve(file),
                        WORKDIR.resolve(file),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isDirectory(WORKDIR.resolve("node_modules/kubernetes-models"))
                    && Files.isDirectory(WORKDIR.resolve("node_modules/@kubernetes-models/keda"))) {
                return;
            }
            Result install = run(
                    List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"),
                    NPM_TIMEOUT_SECONDS);
            if (!install.valid()) {
                throw new IllegalStateException("npm ci in " + WORKDIR + " failed:\n" + install.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .directory(WORKDIR.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }
}
