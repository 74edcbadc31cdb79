package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StandaloneCommandTest {

    @Test
    void demoDefaultsToTheSampleBriefAFreeApiPortAndNoRouterPort() throws Exception {
        // when
        StandaloneCommand command = StandaloneCommand.parse(new String[] {"demo"});

        // then
        assertThat(command.name()).isEqualTo("demo");
        assertThat(command.briefFile()).isNull();
        assertThat(command.apiPort()).isPositive();
        assertThat(command.routerPort()).isZero();
        assertThat(command.budgetMicros()).isEqualTo(5_000_000);
        assertThat(command.outputDirectory()).isEqualTo(Path.of("aios-demo-output"));
        assertThat(command.deadline()).isEqualTo(java.time.Duration.ofMinutes(10));
    }

    @Test
    void upDefaultsToThePortsTheDocsPromise() throws Exception {
        StandaloneCommand command = StandaloneCommand.parse(new String[] {"up"});

        assertThat(command.apiPort()).isEqualTo(8080);
        assertThat(command.routerPort()).isEqualTo(8081);
    }

    @Test
    void optionsOverrideTheDefaults() throws Exception {
        StandaloneCommand command = StandaloneCommand.parse(
                new String[] {"demo", "--name", "todo app", "--budget-usd", "2.5", "--out", "/tmp/x", "--port", "9090"});

        assertThat(command.projectName()).isEqualTo("todo app");
        assertThat(command.budgetMicros()).isEqualTo(2_500_000);
        assertThat(command.outputDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(command.apiPort()).isEqualTo(9090);
    }

    @Test
    void badInputIsOneReadableLine() {
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {}))
                .hasMessageStartingWith("no command");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"deploy"}))
                .hasMessageStartingWith("unknown command 'deploy'");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"demo", "--budget-usd", "-1"}))
                .hasMessageStartingWith("--budget-usd must be a positive number, got '-1'");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"demo", "--minutes", "soon"}))
                .hasMessageStartingWith("--minutes must be a positive number, got 'soon'");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"demo", "--port", "99999"}))
                .hasMessageStartingWith("--port must be a port number");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"demo", "--brief", "/no/such/brief.md"}))
                .hasMessageStartingWith("cannot read the brief file /no/such/brief.md");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"demo", "--name"}))
                .hasMessageStartingWith("option --name needs a value");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"demo", "--colour", "red"}))
                .hasMessageStartingWith("unknown option --colour")
                .hasMessageNotContaining("\n");
    }
}
