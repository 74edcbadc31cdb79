package dev.aios.orchestrator.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The orchestrator's reading of the router's budget ledger, against a local server speaking the router's wire format. */
class HttpRouterLedgerTest {
    private static final String TOKEN = "orchestrator-token-0123456789abcdefghijklmnopq";
    private static final UUID PROJECT = UUID.randomUUID();

    private final FakeRouter router = FakeRouter.start(TOKEN);
    private final HttpRouterLedger ledger = new HttpRouterLedger(router.baseUrl(), TOKEN, Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        router.close();
    }

    @Nested
    class WhenTheRouterAnswers {
        @Test
        void readsWhatRunningCallsReserveAsTheOrchestratorsService() {
            // given: one call of the project runs and holds 1,650 of a 5,000,000 budget
            router.holds(PROJECT.toString(), 5_000_000L, 1_200, 1_650);

            // when
            Reading reading = ledger.read(PROJECT);

            // then
            assertThat(reading).isEqualTo(new Reading.Reported(5_000_000L, 1_200, 1_650, 4_997_150L));
            assertThat(router.authorizations()).containsExactly("Bearer " + TOKEN);
        }

        @Test
        void aLedgerWithoutALimitYetHasNoLeft() {
            router.holds(PROJECT.toString(), null, 700, 0);

            assertThat(ledger.read(PROJECT)).isEqualTo(new Reading.Reported(null, 700, 0, null));
        }

        @Test
        void anUnknownProjectMeansNothingIsMeteredThere() {
            // when the router's ledger holds nothing for the project
            Reading reading = ledger.read(PROJECT);

            // then
            assertThat(reading).isInstanceOf(Reading.NothingMetered.class);
            assertThat(reading.explanation()).contains("holds nothing for this project");
        }
    }

    @Nested
    class WhenTheRouterCannotBeRead {
        @Test
        void aRefusedTokenNamesTheVariablesToCheck() {
            HttpRouterLedger wrongToken = new HttpRouterLedger(
                    router.baseUrl(), "another-token-0123456789abcdefghijklmn", Duration.ofSeconds(2));

            assertThat(wrongToken.read(PROJECT))
                    .isInstanceOfSatisfying(
                            Reading.Unavailable.class,
                            u -> assertThat(u.why())
                                    .contains("401", "AIOS_ROUTER_TOKEN", "AIOS_ROUTER_CLIENT_ORCHESTRATOR_SHA256"));
        }

        @Test
        void aServiceTheRouterDoesNotLetReadIsToldWhy() {
            router.answersAll(403);

            assertThat(ledger.read(PROJECT))
                    .isInstanceOfSatisfying(
                            Reading.Unavailable.class, u -> assertThat(u.why()).contains("403", "budget-readers"));
        }

        @Test
        void aLedgerTheRouterCannotReachIsUnavailableWithTheRoutersDetail() {
            router.answersAll(503);

            assertThat(ledger.read(PROJECT))
                    .isInstanceOfSatisfying(
                            Reading.Unavailable.class,
                            u -> assertThat(u.why()).contains("503", "cannot read the budget ledger"));
        }

        @Test
        void aRouterWithoutTheEndpointIsNotTakenForAnUnknownProject() {
            // given: an older router, which answers Spring's plain 404 for a path it does not map
            router.answersAll(404);

            // then
            assertThat(ledger.read(PROJECT))
                    .isInstanceOfSatisfying(
                            Reading.Unavailable.class, u -> assertThat(u.why()).contains("no budget endpoint"));
        }

        @Test
        void anUnreachableRouterIsUnavailableNotZero() throws Exception {
            // given: a port nothing listens on
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            HttpRouterLedger unreachable =
                    new HttpRouterLedger(URI.create("http://127.0.0.1:" + closed), TOKEN, Duration.ofSeconds(2));

            // when
            Reading reading = unreachable.read(PROJECT);

            // then
            assertThat(reading)
                    .isInstanceOfSatisfying(
                            Reading.Unavailable.class, u -> assertThat(u.why()).contains("cannot be reached"));
        }

        @Test
        void aRouterSlowerThanTheTimeoutIsUnavailable() {
            router.holds(PROJECT.toString(), 5_000_000L, 0, 0).slow(Duration.ofSeconds(1));
            HttpRouterLedger impatient = new HttpRouterLedger(router.baseUrl(), TOKEN, Duration.ofMillis(200));

            assertThat(impatient.read(PROJECT))
                    .isInstanceOfSatisfying(
                            Reading.Unavailable.class, u -> assertThat(u.why()).contains("cannot be reached"));
        }
    }
}
