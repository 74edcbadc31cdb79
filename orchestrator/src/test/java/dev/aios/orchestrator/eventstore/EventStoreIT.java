package dev.aios.orchestrator.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.aios.events.v1.Envelope;
import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class EventStoreIT extends OrchestratorIntegrationTest {
    @Autowired
    EventStore store;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    static NewEvent event(String marker) {
        return new NewEvent(
                Envelope.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setType("aios.events.v1.TaskProgress")
                        .setPayload(ByteString.copyFromUtf8(marker))
                        .build(),
                null);
    }

    @Test
    void concurrentAppendsToOneStreamHaveExactlyOneWinnerPerExpectedVersion() throws Exception {
        // given: 8 writers racing on the same stream for 10 rounds
        String stream = "race-" + UUID.randomUUID();
        int writers = 8;
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < rounds; round++) {
                long expected = round;
                var start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String marker = "round " + round + " writer " + w;
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            tx.executeWithoutResult(s -> store.append(stream, expected, List.of(event(marker))));
                            return true;
                        } catch (ConcurrencyConflictException e) {
                            return false;
                        }
                    }));
                }
                // when
                start.countDown();
                int winners = 0;
                for (Future<Boolean> r : results) {
                    winners += r.get() ? 1 : 0;
                }
                // then
                assertThat(winners)
                        .as("winners at expected version %d", expected)
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.readStream(stream))
                .extracting(StoredEvent::streamVersion)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, rounds)
                        .boxed()
                        .toList());
    }

    @Test
    void staleExpectedVersionIsRefusedAndChangesNothing() {
        // given
        String stream = "stale-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> store.append(stream, 0, List.of(event("first"))));
        // when / then
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> store.append(stream, 0, List.of(event("second")))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.readStream(stream)).hasSize(1);
    }

    @Test
    void globalReaderDoesNotSkipATransactionThatCommitsAfterALaterPosition() throws Exception {
        // given: everything committed so far has been read
        GlobalCheckpoint checkpoint = readToEnd(GlobalCheckpoint.START, new ArrayList<>());
        try (Connection early = dataSource.getConnection();
                Connection late = dataSource.getConnection()) {
            early.setAutoCommit(false);
            late.setAutoCommit(false);
            // when: the early transaction takes a position first but commits after the late one
            long earlyPosition = insert(early, "gap-early-" + UUID.randomUUID());
            long latePosition = insert(late, "gap-late-" + UUID.randomUUID());
            assertThat(earlyPosition).isLessThan(latePosition);
            late.commit();
            List<Long> whileEarlyOpen = new ArrayList<>();
            checkpoint = readToEnd(checkpoint, whileEarlyOpen);
            early.commit();
            List<Long> afterEarlyCommit = new ArrayList<>();
            readToEnd(checkpoint, afterEarlyCommit);
            // then: nothing is handed out past the open transaction, and both arrive once it commits
            assertThat(whileEarlyOpen).doesNotContain(earlyPosition, latePosition);
            assertThat(afterEarlyCommit).contains(earlyPosition, latePosition);
        }
    }

    private GlobalCheckpoint readToEnd(GlobalCheckpoint from, List<Long> positions) {
        GlobalCheckpoint checkpoint = from;
        while (true) {
            var batch = store.readAll(checkpoint, 500);
            if (batch.isEmpty()) {
                return checkpoint;
            }
            for (var e : batch) {
                positions.add(e.event().globalPosition());
                checkpoint = e.checkpoint();
            }
        }
    }

    private static long insert(Connection c, String stream) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events (stream_id, stream_version, event_id, type, payload) VALUES (?, 1, ?, 'aios.events.v1.TaskProgress', ?) RETURNING global_position")) {
            ps.setString(1, stream);
            ps.setObject(2, UUID.randomUUID());
            ps.setBytes(
                    3,
                    Envelope.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setType("aios.events.v1.TaskProgress")
                            .build()
                            .toByteArray());
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
