package dev.aios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad usage exits 2 with one line and sends nothing; a server that cannot be reached, a missing token file, exit 1 with
 * one line. The URL given is a port nobody listens on, so a command that sent a request would say so.
 */
class CliUsageTest {
    private static final String ID = "3f2b8c1e-0000-4000-8000-000000000001";

    @TempDir
    Path home;

    Map<String, String> env;

    @BeforeEach
    void aTokenAndAnAddressNobodyAnswers() throws IOException {
        Files.writeString(home.resolve("admin.token"), "header.payload.signature\n");
        env = Map.of("AIOS_HOME", home.toString(), "AIOS_URL", "http://127.0.0.1:" + closedPort());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no command|",
                "unknown command|deploy",
                "watch without an id|watch",
                "watch with an id that is not one|watch 42",
                "stop with an extra argument|stop " + ID + " now",
                "budget without an amount|budget " + ID,
                "budget that is not an amount|budget " + ID + " +lots",
                "budget of nothing|budget " + ID + " +0",
                "budget above the limit|budget " + ID + " 2000000",
                "submit without a brief|submit",
                "submit with a budget of zero|submit brief.md --budget-usd 0",
                "submit with an unknown option|submit brief.md --colour red",
                "projects with a page size that is not a number|projects --size many",
                "download with an id that is not one|download ../etc",
                "dlq showing and redriving at once|dlq --show a.dlq --redrive a.dlq",
                "approve without an id|approve",
                "approve with an item that is not one|approve " + ID + " ../backlog",
                "approve with an extra argument|approve " + ID + " backlog-1 sprint-1-1",
                "reject without an item|reject " + ID + " --feedback no",
                "reject without feedback|reject " + ID + " backlog-1",
                "reject with feedback missing its text|reject " + ID + " backlog-1 --feedback",
                "reject deferring a task id that is not one|reject " + ID + " sprint-1-1 --feedback no --defer ../T1",
                "submit with an approval that does not exist|submit brief.md --approvals backlog,everything",
                "revoke without a reason|revoke bob",
                "revoke without a subject|revoke --reason leaked",
                "a url that is not http|projects --url ftp://example.org"
            })
    void badUsageExitsTwoWithOneLineAndSendsNothing(String name, String line) {
        // when
        Run run = Run.of(env, line == null ? new String[0] : line.split(" "));
        // then
        assertThat(run.status()).as(run.err()).isEqualTo(name.startsWith("a url") ? 1 : 2);
        assertThat(run.err().lines())
                .as(name)
                .hasSize(1)
                .first()
                .asString()
                .startsWith("aios: ")
                .doesNotContain("Exception");
        assertThat(run.err()).doesNotContain("cannot reach");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "projects|projects",
                "watch|watch " + ID,
                "stop|stop " + ID,
                "budget|budget " + ID + " +5",
                "download|download " + ID,
                "dlq|dlq",
                "dlq redrive|dlq --redrive tasks.backend.dlq",
                "approve|approve " + ID + " backlog-1",
                "approve the only waiting item|approve " + ID,
                "reject|reject " + ID + " backlog-1 --feedback smaller",
                "revoke|revoke bob --reason leaked"
            })
    void anUnreachableServerExitsOneWithOneLineNamingTheAddress(String name, String line) {
        // when
        Run run = Run.of(env, line.split(" "));
        // then
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("aios: cannot reach " + env.get("AIOS_URL") + ": connection refused")
                .contains("./aios up", "--url");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void submitReadsTheBriefBeforeItCallsAndSaysWhenItIsMissingOrEmpty() throws IOException {
        // given
        Path empty = Files.writeString(home.resolve("empty.md"), "  \n");
        // when
        Run missing = Run.of(env, "submit", home.resolve("nope.md").toString());
        Run blank = Run.of(env, "submit", empty.toString());
        Run blankStdin = Run.withInput("", env, "submit", "-");
        // then
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("aios: no brief at " + home.resolve("nope.md") + "\n");
        assertThat(blank.err()).isEqualTo("aios: the brief " + empty + " is empty\n");
        assertThat(blankStdin.err()).isEqualTo("aios: the brief on standard input is empty\n");
    }

    @Test
    void withoutATokenFileTheCommandSaysWhereItLookedAndHowToGetOne() {
        // given
        Map<String, String> noToken =
                Map.of("AIOS_HOME", home.resolve("elsewhere").toString(), "AIOS_URL", env.get("AIOS_URL"));
        // when
        Run run = Run.of(noToken, "projects");
        // then
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .startsWith(
                        "aios: no token file at " + home.resolve("elsewhere").resolve("admin.token"))
                .contains("./aios up", "./aios token --role ROLE", "--token-file");
    }

    @Test
    void helpListsEveryCommand() {
        // when
        Run run = Run.of(env, "help");
        // then
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("projects", "submit", "watch", "stop", "budget", "download", "dlq", "revoke");
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // free now, and nobody listens once it is closed
        }
    }
}
