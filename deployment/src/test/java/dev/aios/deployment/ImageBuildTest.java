package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.aios.deployment.ImageDefinition.Copy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/Dockerfile built for every service with the build args compose gives it, from what the package phase left
 * in the module's target/ (the deployment module builds after the services): the jar COPY as the Dockerfile writes
 * it, then the Dockerfile's own extract command with this JDK. No Docker here, so {@link ImageRehearsal} runs those
 * instructions; a jar that is not there fails the test, it never skips it.
 */
class ImageBuildTest {

    private static final Map<String, String> AGENTS_CTO = Map.of("MODULE", "agents-cto", "SERVER_PORT", "8082");

    private final ImageDefinition image = ImageDefinition.read();

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyServiceImageUnpacksTheRunnableJarItsDockerfileCopies() {
        Map<String, Map<String, Object>> services = ComposeStack.read().aiosServices();
        assertThat(services)
                .as("services docker-compose.yml builds from docker/Dockerfile")
                .isNotEmpty();
        ImageRehearsal rehearsal = new ImageRehearsal(image, BuildContext.ofRepository());
        return services.entrySet().stream()
                .map(service -> dynamicTest(
                        service.getKey(),
                        () -> buildsIntoALayeredBootApplication(
                                rehearsal, service.getKey(), ComposeStack.buildArgs(service.getValue()))));
    }

    private void buildsIntoALayeredBootApplication(
            ImageRehearsal rehearsal, String service, Map<String, String> buildArgs) throws IOException {
        Path dir = scratch.resolve(service);
        try {
            // when
            ImageRehearsal.Result built = rehearsal.build(service, buildArgs, dir);

            // then: each layer the runtime stage copies is a directory the extract command wrote
            List<Copy> layers = image.runtime().all("COPY").stream()
                    .map(Copy::parse)
                    .filter(c -> c.from().isPresent())
                    .toList();
            assertThat(layers).as("runtime COPY --from instructions").isNotEmpty();
            for (Copy layer : layers) {
                assertThat(layerDirectory(built, layer))
                        .as("%s: layer %s", service, layer.sources())
                        .isDirectory();
            }
            Path app = built.workdir();
            String startClass = manifest(app).getMainAttributes().getValue("Start-Class");
            assertThat(startClass)
                    .as("%s: Start-Class of the copied jar", service)
                    .startsWith("dev.aios.");
            // the application layer holds this module's classes, the loader layer the class the ENTRYPOINT starts
            assertThat(layerNamed(built, layers, "application").resolve("BOOT-INF/classes/" + classFile(startClass)))
                    .as("%s: the application layer has Start-Class %s", service, startClass)
                    .isRegularFile();
            assertThat(layerNamed(built, layers, "spring-boot-loader").resolve(classFile(entrypointClass())))
                    .as("%s: the loader layer has the ENTRYPOINT's class", service)
                    .isRegularFile();
            assertThat(layerNamed(built, layers, "dependencies").resolve("BOOT-INF/lib"))
                    .as("%s: the dependencies layer has the libraries", service)
                    .isDirectoryContaining("glob:**/spring-boot-4*.jar");
            // and the image's WORKDIR, where they all land, is the module's own application
            assertThat(app.resolve("META-INF/maven/dev.aios/" + buildArgs.get("MODULE") + "/pom.properties"))
                    .as("%s: the image holds module %s", service, buildArgs.get("MODULE"))
                    .isRegularFile();
            assertThat(app.resolve("BOOT-INF/classes/" + classFile(startClass))).isRegularFile();
            assertThat(app.resolve(classFile(entrypointClass()))).isRegularFile();
        } finally {
            deleteRecursively(dir); // the orchestrator's jar alone is ~280 MB, and it lands three times
        }
    }

    @Test
    void failsNamingTheCopyAndWhatTargetHoldsWhenTheDockerfileCopiesAJarNoBuildMakes() throws IOException {
        // given
        ImageRehearsal rehearsal = new ImageRehearsal(
                ImageDefinition.parse(dockerfileWithJar("${MODULE}/target/${MODULE}-runnable.jar")),
                BuildContext.ofRepository());

        // when / then
        assertThatThrownBy(() -> rehearsal.build("agents-cto", AGENTS_CTO, scratch))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "agents-cto: image: COPY ${MODULE}/target/${MODULE}-runnable.jar application.jar"
                                + " (stage extract): copies agents-cto/target/agents-cto-runnable.jar, which the build context"
                                + " does not have: agents-cto/target/ holds [")
                .hasMessageContaining("agents-cto-exec.jar");
    }

    @Test
    void failsWithTheExtractCommandsOwnErrorWhenTheDockerfileCopiesThePlainJar() throws IOException {
        // given: the image definition before issue 10, which copied the jar without the exec classifier
        ImageRehearsal rehearsal = new ImageRehearsal(
                ImageDefinition.parse(dockerfileWithJar("${MODULE}/target/${MODULE}.jar")),
                BuildContext.ofRepository());

        // when / then
        assertThatThrownBy(() -> rehearsal.build("agents-cto", AGENTS_CTO, scratch))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("agents-cto: image: RUN java -Djarmode=tools -jar application.jar extract")
                .hasMessageContaining("(stage extract): exited with 1")
                .hasMessageContaining("no main manifest attribute, in application.jar");
    }

    @Test
    void failsWhenTheIgnoreFileKeepsTheJarOutOfTheBuildContext() {
        // given
        BuildContext onlyTheHealthCheck =
                new BuildContext(RepositoryRoot.path(), List.of("**", "!docker/healthcheck.sh"));
        ImageRehearsal rehearsal = new ImageRehearsal(image, onlyTheHealthCheck);

        // when / then
        assertThatThrownBy(() -> rehearsal.build("agents-cto", AGENTS_CTO, scratch))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "copies agents-cto/target/agents-cto-exec.jar, which the build context leaves out");
    }

    /** docker/Dockerfile with its jar COPY source replaced. */
    private static String dockerfileWithJar(String source) throws IOException {
        String text = Files.readString(ImageDefinition.FILE);
        String copied = "COPY ${MODULE}/target/${MODULE}-exec.jar application.jar";
        assertThat(text)
                .as("docker/Dockerfile's jar COPY as these tests replace it")
                .contains(copied);
        return text.replace(copied, "COPY " + source + " application.jar");
    }

    private static Path layerDirectory(ImageRehearsal.Result built, Copy layer) {
        return built.root(layer.from().orElseThrow())
                .resolve(layer.sources().getFirst().replaceFirst("^/+", ""));
    }

    /** The layer directory Boot names {@code name}, as the runtime stage copies it (…/extracted/name/). */
    private static Path layerNamed(ImageRehearsal.Result built, List<Copy> layers, String name) {
        return layers.stream()
                .filter(l ->
                        Path.of(l.sources().getFirst()).getFileName().toString().equals(name))
                .map(l -> layerDirectory(built, l))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the runtime stage copies no layer " + name));
    }

    private String entrypointClass() {
        List<String> entrypoint =
                Yaml.strings(image.runtime().last("ENTRYPOINT").orElseThrow(), "ENTRYPOINT");
        return entrypoint.getLast();
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }

    private static Manifest manifest(Path app) throws IOException {
        try (InputStream in = Files.newInputStream(app.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
