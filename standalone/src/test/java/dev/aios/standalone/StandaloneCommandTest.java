package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StandaloneCommandTest {

    @Test
    void demoDefaultsToNoBriefAFreeApiPortNoRouterPortAndLoopback() throws Exception {
        // when
        StandaloneCommand command = StandaloneCommand.parse(new String[] {"demo"});

        // then
        assertThat(command.name()).isEqualTo("demo");
        assertThat(command.briefFile()).isEmpty();
        assertThat(command.scenario()).isEmpty();
        assertThat(command.apiPort()).isPositive();
        assertThat(command.routerPort()).isZero();
        assertThat(command.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(command.budgetMicros()).isEmpty();
        assertThat(command.outputDirectory()).isEqualTo(Path.of("aios-demo-output"));
        assertThat(command.deadline()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void upDefaultsToThePortsTheDocsPromise() throws Exception {
        StandaloneCommand command = StandaloneCommand.parse(new String[] {"up"});

        assertThat(command.apiPort()).isEqualTo(8080);
        assertThat(command.routerPort()).isEqualTo(8081);
        assertThat(command.bindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void recordReplayScenarioAndBindAreOptions() throws Exception {
        StandaloneCommand scenario =
                StandaloneCommand.parse(new String[] {"demo", "--scenario", "room-bookings", "--record", "r.json"});
        StandaloneCommand up = StandaloneCommand.parse(new String[] {"up", "--bind", "0.0.0.0"});
        StandaloneCommand list = StandaloneCommand.parse(new String[] {"demo", "--list-scenarios"});

        assertThat(scenario.scenario()).contains("room-bookings");
        assertThat(scenario.recordFile()).contains(Path.of("r.json"));
        assertThat(up.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(list.listScenarios()).isTrue();
    }

    @Test
    void optionsOverrideTheDefaults() throws Exception {
        StandaloneCommand command = StandaloneCommand.parse(
                new String[] {"demo", "--name", "todo app", "--budget-usd", "2.5", "--out", "/tmp/x", "--port", "9090"
                });

        assertThat(command.projectName()).contains("todo app");
        assertThat(command.budgetMicros()).contains(2_500_000L);
        assertThat(command.outputDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(command.apiPort()).isEqualTo(9090);
    }

    @Test
    void badInputIsOneReadableLine() {
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {})).hasMessageStartingWith("no command");
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
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"up", "--bind", "localhost"}))
                .hasMessageStartingWith("--bind must be an IP address such as 127.0.0.1 or 0.0.0.0, got 'localhost'");
        assertThatThrownBy(
                        () -> StandaloneCommand.parse(new String[] {"demo", "--scenario", "x", "--brief", "pom.xml"}))
                .hasMessageStartingWith("--scenario replays the scenario's own brief");
        assertThatThrownBy(() -> StandaloneCommand.parse(new String[] {"up", "--brief", "pom.xml"}))
                .hasMessageStartingWith("up takes no brief");
    }
}
