package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker/Dockerfile read statically; ImageBuildTest runs the parts of it that need no Docker engine on the built jars. */
class ImageDefinitionTest {

    private final ImageDefinition image = ImageDefinition.read();

    @Test
    void buildsAnyServiceFromItsModuleNameAndPort() {
        assertThat(image.stages()).hasSize(2);
        assertThat(image.stages().getFirst().args()).containsKey("MODULE");
        assertThat(image.runtime().args()).containsKeys("MODULE", "SERVER_PORT");
        // the runnable jar: Spring Boot's repackaged one, with the exec classifier (root pom); ImageBuildTest builds it
        assertThat(image.contextSourcesOfExtractStage(Map.of("MODULE", "orchestrator")))
                .containsExactly("orchestrator/target/orchestrator-exec.jar");
        assertThat(image.runtime().last("EXPOSE")).contains("${SERVER_PORT}");
    }

    @Test
    void runsOnAJava25RuntimeImage() {
        assertThat(image.stages())
                .allSatisfy(stage -> assertThat(stage.from()).startsWith("eclipse-temurin:${JAVA_VERSION}-jre"));
        // the global ARG before the first FROM sets the version both stages use
        assertThat(readDockerfile()).containsPattern("(?m)^ARG JAVA_VERSION=25$");
    }

    @Test
    void extractsBootLayersAndCopiesThemFromLeastToMostOftenChanged() {
        assertThat(image.stages().getFirst().all("RUN"))
                .anySatisfy(run -> assertThat(run).contains("-Djarmode=tools").contains("extract --layers --launcher"));
        assertThat(image.runtime().all("COPY"))
                .filteredOn(copy -> copy.contains("--from=extract"))
                .extracting(copy -> copy.replaceAll(".*/extracted/([a-z-]+)/.*", "$1"))
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(image.runtime().last("ENTRYPOINT"))
                .contains("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void installsExtraToolsOnlyWhenABuildAsksForThem() {
        assertThat(image.runtime().args()).containsEntry("EXTRA_PACKAGES", "\"\"");
        assertThat(image.runtime().all("RUN"))
                .anySatisfy(run -> assertThat(run)
                        .contains("if [ -n \"${EXTRA_PACKAGES}\" ]")
                        .contains("--no-install-recommends ${EXTRA_PACKAGES}")
                        .contains("rm -rf /var/lib/apt/lists/*"));
        // the QA agent's sandbox runs generated projects' tests with these tools, in namespaces built with the others
        assertThat(ComposeStack.buildArg(ComposeStack.read().service("agents-qa"), "EXTRA_PACKAGES"))
                .contains("python3", "maven", "npm", "util-linux", "mount", "iproute2");
    }

    @Test
    void runsAsTheNonRootUid10001() {
        assertThat(image.runtimeUid()).isEqualTo("10001");
        assertThat(image.runtime().args()).containsEntry("APP_UID", "10001");
        assertThat(image.runtime().all("RUN"))
                .anySatisfy(run -> assertThat(run).contains("useradd").contains("--uid ${APP_UID}"));
    }

    @Test
    void sizesTheHeapFromTheContainerMemoryLimit() {
        assertThat(image.runtime().all("ENV"))
                .anySatisfy(env -> assertThat(env)
                        .contains("-XX:MaxRAMPercentage=")
                        .contains("-XX:+ExitOnOutOfMemoryError")
                        .doesNotContain("-Xmx"));
    }

    @Test
    void checksItsOwnHealthOnTheLivenessGroupWithAScriptThatShipsInTheImage() throws IOException {
        assertThat(image.healthCheckPath()).isEqualTo("/actuator/health/liveness");
        assertThat(image.runtime().all("COPY"))
                .anySatisfy(copy -> assertThat(copy).contains("docker/healthcheck.sh"));
        Path script = RepositoryRoot.resolve("docker/healthcheck.sh");
        assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(script))
                .contains("/dev/tcp/127.0.0.1/${port}")
                .contains("\"200\"");
    }

    @Test
    void sendsOnlyJarsAndTheHealthCheckToTheBuildContext() throws IOException {
        assertThat(Files.readAllLines(RepositoryRoot.resolve("docker/Dockerfile.dockerignore")))
                .contains("**", "!*/target/*.jar", "!docker/healthcheck.sh");
    }

    @Test
    void readsContinuationLinesAndIgnoresComments() {
        // given
        String text = "# comment\nFROM base AS one\nARG A=1\nRUN a \\\n    b\nFROM two\nUSER 42:42\n";

        // when
        ImageDefinition parsed = ImageDefinition.parse(text);

        // then
        assertThat(parsed.stages()).extracting(ImageDefinition.Stage::from).containsExactly("base AS one", "two");
        assertThat(parsed.stages().getFirst().all("RUN")).containsExactly("a b");
        assertThat(parsed.runtimeUid()).isEqualTo("42");
    }

    @Test
    void substitutesArgsAsDockerDoesWithBuildArgsOverDefaults() {
        // given
        String text =
                "FROM base AS one\nARG MODULE\nARG KIND=exec\nARG UNSET\nCOPY ${MODULE}/target/${MODULE}-$KIND.jar${UNSET} a.jar\n"
                        + "FROM two\nCOPY --from=one /a.jar /app/\n";

        // when
        ImageDefinition parsed = ImageDefinition.parse(text);

        // then
        assertThat(parsed.contextSourcesOfExtractStage(Map.of("MODULE", "m"))).containsExactly("m/target/m-exec.jar");
        assertThat(parsed.contextSourcesOfExtractStage(Map.of("MODULE", "m", "KIND", "boot")))
                .containsExactly("m/target/m-boot.jar");
        assertThat(ImageDefinition.substitute("${A:-x}|${B:-x}|${A:+y}|${B:+y}", Map.of("A", "a")))
                .isEqualTo("a|x|y|");
    }

    @Test
    void readsCopyFlagsSourcesAndDestinationInShellAndJsonForm() {
        assertThat(ImageDefinition.Copy.parse("--from=extract --chown=root:root /build/x/ ./"))
                .isEqualTo(new ImageDefinition.Copy(
                        Map.of("from", "extract", "chown", "root:root"), List.of("/build/x/"), "./"));
        assertThat(ImageDefinition.Copy.parse("[\"a b.jar\", \"c.jar\", \"/lib/\"]"))
                .isEqualTo(new ImageDefinition.Copy(Map.of(), List.of("a b.jar", "c.jar"), "/lib/"));
    }

    private static String readDockerfile() {
        try {
            return Files.readString(ImageDefinition.FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
