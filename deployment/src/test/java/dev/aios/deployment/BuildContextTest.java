package dev.aios.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The build context as docker/Dockerfile.dockerignore shapes it: Docker's last-match-wins patterns. */
class BuildContextTest {

    private final BuildContext context = BuildContext.ofRepository();

    @Test
    void sendsTheServiceJarsAndTheHealthCheckOnly() {
        assertThat(context.sends("orchestrator/target/orchestrator-exec.jar")).isTrue();
        assertThat(context.sends("agents-qa/target/agents-qa.jar")).isTrue();
        assertThat(context.sends("docker/healthcheck.sh")).isTrue();

        assertThat(context.sends("orchestrator/target/classes/application.yml")).isFalse();
        assertThat(context.sends("orchestrator/target/lib/x.jar")).isFalse();
        assertThat(context.sends("pom.xml")).isFalse();
        assertThat(context.sends(".env")).isFalse();
    }

    @Test
    void letsTheLastMatchingPatternDecideAndMatchesParentDirectories() {
        // given
        BuildContext ignoring =
                new BuildContext(RepositoryRoot.path(), List.of("# comment", "secrets", "**/*.log", "!keep.log"));

        // then
        assertThat(ignoring.sends("secrets/key.pem"))
                .as("a file under an ignored directory")
                .isFalse();
        assertThat(ignoring.sends("a/b/c.log")).isFalse();
        assertThat(ignoring.sends("top.log"))
                .as("**/ also matches no directory")
                .isFalse();
        assertThat(ignoring.sends("keep.log")).isTrue();
        assertThat(ignoring.sends("src/Main.java")).isTrue();
    }
}
