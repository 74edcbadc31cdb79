package dev.aios.agent.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.aios.agent.TransientFailureException;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskProgress;
import dev.aios.events.v1.TaskStarted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter against the real broker, in a vhost of its own. */
class BrokerAdapterIT {
    private static BrokerFixture broker;

    @BeforeAll
    static void startBroker() {
        broker = new BrokerFixture(BrokerFixture.fastRetries());
    }

    @AfterAll
    static void deleteVhost() {
        broker.close();
    }

    @Test
    void anEnvelopeRoundTripsThroughTheConverterWithItsHeaders() throws Exception {
        // given
        String queue = uniqueQueue("roundtrip");
        broker.topology.declareEventQueue(queue, List.of("task.started"));
        List<ReceivedEnvelope> received = new CopyOnWriteArrayList<>();
        broker.consumers.start(new ConsumerSpec(queue, 5, 1), received::add);
        TaskStarted started = TaskStarted.newBuilder()
                .setProjectId("p-1")
                .setTaskId("T-7")
                .setAgentId("backend-1")
                .build();
        Envelope sent = Envelopes.wrap(
                started, new EnvelopeMetadata("", "project-p-1", 0, "p-1", "cause-1", "it", "00-trace-01"));

        // when
        broker.publisher.publish(Destination.event(sent.getType()), sent).get(5, TimeUnit.SECONDS);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        ReceivedEnvelope message = received.getFirst();
        assertThat(message.envelope()).isEqualTo(sent);
        assertThat(message.payload()).isEqualTo(started);
        assertThat(message.attempt()).isEqualTo(1);
        assertThat(message.queue()).isEqualTo(queue);
    }

    @Test
    void poisonMessagesLandInTheDlqWithTheirReasonWhileGoodMessagesKeepFlowing() throws Exception {
        // given
        String queue = uniqueQueue("poison");
        broker.topology.declareEventQueue(queue, List.of("poison-test." + queue));
        AtomicInteger good = new AtomicInteger();
        AtomicInteger crashDeliveries = new AtomicInteger();
        broker.consumers.start(new ConsumerSpec(queue, 10, 1), message -> {
            if (message.payload(TaskProgress.class).getMessage().equals("crash")) {
                crashDeliveries.incrementAndGet();
                throw new AssertionError("simulated crash of the consumer on this message");
            }
            good.incrementAndGet();
        });

        // when: good messages around bytes that are not protobuf, an unknown type and a message that crashes the
        // handler
        for (int i = 0; i < 20; i++) {
            publishProgress(queue, "good " + i);
            if (i == 5) {
                publishRaw(queue, "definitely { not protobuf".getBytes(StandardCharsets.UTF_8), "raw-1");
            }
            if (i == 10) {
                publishRaw(
                        queue,
                        Envelope.newBuilder()
                                .setEventId("unknown-1")
                                .setType("evil.Unknown")
                                .build()
                                .toByteArray(),
                        "unknown-1");
            }
            if (i == 15) {
                publishProgress(queue, "crash");
            }
        }

        // then
        String dlq = BrokerTopology.deadLetterQueueName(queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> good.get() == 20 && broker.deadLetters.depth(dlq) == 3);
        List<DeadLetter> letters = broker.deadLetters.peek(dlq, 10);
        assertThat(letters)
                .extracting(DeadLetter::reason)
                .anySatisfy(r -> assertThat(r).startsWith("MalformedMessageException: not a protobuf envelope"))
                .anySatisfy(r -> assertThat(r).contains("unknown message type: 'evil.Unknown'"))
                .anySatisfy(r -> assertThat(r).isEqualTo("delivery_limit"));
        assertThat(letters).allSatisfy(l -> assertThat(l.originalQueue()).isEqualTo(queue));
        // delivery limit 2 = three deliveries of the crashing message, then the broker dead-letters it
        assertThat(crashDeliveries.get()).isEqualTo(broker.settings.deliveryLimit() + 1);
        // peek leaves the letters in place (the depth, a broker statistic, can trail their return by a moment)
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 3);
    }

    @Test
    void aFilteredPeekCountAndRedriveSeeOnlyTheLettersTheFilterAcceptsAndLeaveTheOthers() throws Exception {
        // given: a DLQ holding letters of conversations a, b and a, and bytes that are no envelope
        String dlq = deadLetterQueueWithLettersOf("filtered", "a", "b", "a");
        publishRaw(dlq, "not an envelope".getBytes(StandardCharsets.UTF_8), "raw");
        java.util.function.Predicate<DeadLetter> ofA =
                letter -> letter.correlationId().equals("a");

        // when / then: peek and count see a's two letters, and leave all four
        assertThat(broker.deadLetters.peek(dlq, 10, ofA))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l.correlationId()).isEqualTo("a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 4);
        assertThat(broker.deadLetters.peek(dlq, 10))
                .extracting(DeadLetter::correlationId)
                .containsExactlyInAnyOrder("a", "b", "a", "");
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 4);
        assertThat(broker.deadLetters.count(dlq, ofA)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 4);

        // and a filtered redrive moves a's letters only, b's and the raw bytes stay dead-lettered
        assertThat(broker.deadLetters.redrive(dlq, 10, ofA)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 2);
        assertThat(broker.deadLetters.peek(dlq, 10))
                .extracting(DeadLetter::correlationId)
                .containsExactlyInAnyOrder("b", "");
    }

    @Test
    void aPeekCountOrRedriveLeavesTheLettersItDidNotMoveAvailableToTheVeryNextCall() throws Exception {
        // given: a DLQ holding three letters, one of conversation "x"
        String dlq = deadLetterQueueWithLettersOf("at-once", "x", "y", "z");
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 3);
        java.util.function.Predicate<DeadLetter> ofX =
                letter -> letter.correlationId().equals("x");

        // when / then: call after call, with no pause between them (as an operator clicking "Inspect" then "Redrive"
        // does), each sees every letter the one before left in the queue
        for (int round = 0; round < 40; round++) {
            assertThat(broker.deadLetters.peek(dlq, 10))
                    .as("peek, round %d", round)
                    .hasSize(3);
            assertThat(broker.deadLetters.count(dlq, ofX))
                    .as("count, round %d", round)
                    .isEqualTo(1);
        }
        // the depth is the broker's statistic, which can trail a return by a moment
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 3);
        assertThat(broker.deadLetters.redrive(dlq, 10, ofX)).isEqualTo(1);
        assertThat(broker.deadLetters.peek(dlq, 10))
                .extracting(DeadLetter::correlationId)
                .containsExactlyInAnyOrder("y", "z");
        assertThat(broker.deadLetters.redrive(dlq, 10)).isEqualTo(2);
        assertThat(broker.deadLetters.peek(dlq, 10)).isEmpty();
    }

    @Test
    void aRedriveMovesEachLetterOnceEvenWhenItsAgentFailsItAgainBeforeTheRedriveEnds() throws Exception {
        // given a work queue whose consumer fails every message for good, and two letters in its DLQ: "first", failed
        // by the consumer, and "second", behind it
        String queue = uniqueQueue("bounce");
        broker.topology.declareEventQueue(queue, List.of("bounce-test." + queue));
        String dlq = BrokerTopology.deadLetterQueueName(queue);
        List<String> handled = new CopyOnWriteArrayList<>();
        broker.consumers.start(new ConsumerSpec(queue, 5, 1), message -> {
            String text = message.payload(TaskProgress.class).getMessage();
            handled.add(text);
            throw new IllegalArgumentException("no agent can process " + text);
        });
        publishProgress(queue, "first");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.deadLetters.depth(dlq) == 1);
        publishProgress(queue, "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.deadLetters.depth(dlq) == 2);
        // a filter that, on reaching "second", waits until "first" has been failed again and is back in the DLQ: the
        // bounce a fast agent makes while a redrive is still scanning (BoardIT saw it with QA's agent)
        java.util.function.Predicate<DeadLetter> waitingForTheBounce = letter -> {
            if (letter.reason().contains("second")) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> handled.stream().filter("first"::equals).count() == 2
                                && broker.deadLetters.depth(dlq) == 1);
            }
            return true;
        };

        // when
        int moved = broker.deadLetters.redrive(dlq, 100, waitingForTheBounce);

        // then each letter moved once; "first", back already, stays dead-lettered with its new reason
        assertThat(moved).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 4 && broker.deadLetters.depth(dlq) == 2);
        assertThat(handled).containsExactly("first", "second", "first", "second");
        assertThat(broker.deadLetters.peek(dlq, 10))
                .extracting(DeadLetter::reason)
                .allSatisfy(reason -> assertThat(reason).startsWith("IllegalArgumentException: no agent can process"));
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAndThenSucceeds() throws Exception {
        // given
        String queue = uniqueQueue("transient");
        broker.topology.declareEventQueue(queue, List.of("transient-test." + queue));
        List<Long> attemptTimes = new CopyOnWriteArrayList<>();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        List<Integer> sentinelAttempts = new CopyOnWriteArrayList<>();
        broker.consumers.start(new ConsumerSpec(queue, 5, 1), message -> {
            if (message.payload(TaskProgress.class).getMessage().equals("sentinel")) {
                sentinelAttempts.add(message.attempt());
            } else {
                attempts.add(message.attempt());
                attemptTimes.add(System.nanoTime());
            }
            if (message.attempt() < 3) {
                throw new TransientFailureException("the database is restarting");
            }
        });

        // when
        publishProgress(queue, "flaky");

        // then
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts.size() == 3);
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(Duration.ofNanos(attemptTimes.get(1) - attemptTimes.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(attemptTimes.get(2) - attemptTimes.get(1)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
        // a sentinel published after the success fails the same way, so it travels the same retry queues behind
        // anything the flaky message left there; once it succeeds, a stray redelivery would have arrived before it
        publishProgress(queue, "sentinel");
        await().atMost(Duration.ofSeconds(15)).until(() -> sentinelAttempts.contains(3));
        assertThat(attempts).as("no delivery after the success").hasSize(3);
        assertThat(broker.deadLetters.depth(BrokerTopology.deadLetterQueueName(queue)))
                .isZero();
    }

    @Test
    void aFailureThatStaysTransientEndsInTheDlqAfterMaxAttemptsAndCanBeRedriven() throws Exception {
        // given
        String queue = uniqueQueue("exhausted");
        broker.topology.declareEventQueue(queue, List.of("exhausted-test." + queue));
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        AtomicInteger healthy = new AtomicInteger(0);
        broker.consumers.start(new ConsumerSpec(queue, 5, 1), message -> {
            attempts.add(message.attempt());
            if (healthy.get() == 0) {
                throw new TransientFailureException("still down");
            }
        });
        publishProgress(queue, "doomed");
        String dlq = BrokerTopology.deadLetterQueueName(queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.deadLetters.depth(dlq) == 1);
        assertThat(attempts).containsExactly(1, 2, 3, 4);
        assertThat(broker.deadLetters.peek(dlq, 1).getFirst().reason()).startsWith("attempts exhausted (4)");

        await().atMost(Duration.ofSeconds(5)).until(() -> broker.deadLetters.depth(dlq) == 1);

        // when
        healthy.set(1);
        int moved = broker.deadLetters.redrive(dlq, 10);

        // then
        assertThat(moved).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 5);
        assertThat(attempts.getLast()).isEqualTo(1);
        assertThat(broker.deadLetters.depth(dlq)).isZero();
        assertThat(broker.deadLetters.queues())
                .extracting(DeadLetterQueue::name)
                .contains(dlq);
    }

    @Test
    void anAsynchronousHandlerHoldsManyMessagesAtOnceAndEachFailureTakesItsOwnPath() throws Exception {
        // given a handler that finishes nothing until 30 messages are in its hands
        String queue = uniqueQueue("async");
        broker.topology.declareEventQueue(queue, List.of("async-test." + queue));
        var inHand = new CopyOnWriteArrayList<
                java.util.Map.Entry<ReceivedEnvelope, java.util.concurrent.CompletableFuture<Void>>>();
        List<String> done = new CopyOnWriteArrayList<>();
        List<Integer> flakyAttempts = new CopyOnWriteArrayList<>();
        ConsumerHandle handle = broker.consumers.startAsync(new ConsumerSpec(queue, 50, 1), message -> {
            var result = new java.util.concurrent.CompletableFuture<Void>();
            String text = message.payload(TaskProgress.class).getMessage();
            if (text.equals("flaky")) {
                flakyAttempts.add(message.attempt());
                if (message.attempt() == 1) {
                    return java.util.concurrent.CompletableFuture.failedFuture(
                            new TransientFailureException("not yet"));
                }
            }
            inHand.add(java.util.Map.entry(message, result));
            return result;
        });
        for (int i = 0; i < 28; i++) {
            publishProgress(queue, "good " + i);
        }
        publishProgress(queue, "bad");
        publishProgress(queue, "flaky");

        // when all 30 are in hand at once (flaky on its second attempt), the handler settles them together
        await().atMost(Duration.ofSeconds(15)).until(() -> inHand.size() == 30);
        for (var entry : inHand) {
            String text = entry.getKey().payload(TaskProgress.class).getMessage();
            if (text.equals("bad")) {
                entry.getValue().completeExceptionally(new IllegalArgumentException("no such project"));
            } else {
                done.add(text);
                entry.getValue().complete(null);
            }
        }

        // then the bad one is in the DLQ with its reason, the flaky one was retried once
        String dlq = BrokerTopology.deadLetterQueueName(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.deadLetters.depth(dlq) == 1);
        assertThat(broker.deadLetters.peek(dlq, 1).getFirst().reason())
                .isEqualTo("IllegalArgumentException: no such project");
        assertThat(done).hasSize(29).contains("flaky");
        assertThat(flakyAttempts).containsExactly(1, 2);
        // and every good one was acked: once all 30 are settled (the bad one's dead-letter copy confirmed, the flaky
        // one's
        // retry copy too), the close acks them, and a new consumer after it gets nothing back
        await().atMost(Duration.ofSeconds(10)).until(() -> handle.inProgress() == 0);
        handle.close();
        // a sentinel published after the close queues behind every delivery the close gave back
        publishProgress(queue, "sentinel");
        List<ReceivedEnvelope> redelivered = new CopyOnWriteArrayList<>();
        broker.consumers.start(new ConsumerSpec(queue, 50, 1), redelivered::add);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !redelivered.isEmpty()
                        && redelivered
                                .getLast()
                                .payload(TaskProgress.class)
                                .getMessage()
                                .equals("sentinel"));
        assertThat(redelivered)
                .extracting(m -> m.payload(TaskProgress.class).getMessage())
                .containsExactly("sentinel");
    }

    @Test
    void anUnroutablePublishFailsAsReturned() {
        Envelope envelope = Envelopes.wrap(TaskStarted.getDefaultInstance(), EnvelopeMetadata.of("it", "p"));

        assertThatThrownBy(() -> broker.publisher
                        .publish(
                                new Destination(Destination.EVENTS_EXCHANGE, "nobody.listens." + UUID.randomUUID()),
                                envelope)
                        .get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        PublishFailedException.class,
                        e -> assertThat(e.failure()).isEqualTo(PublishFailedException.Cause.RETURNED))
                .hasMessageContaining("NO_ROUTE");
    }

    @Test
    void aPublishTheBrokerNacksFailsAsNacked() throws Exception {
        // given a full queue that rejects further publishes
        String queue = uniqueQueue("full");
        try (Channel channel = broker.connections.consumer().createChannel()) {
            channel.queueDeclare(queue, true, false, false, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        }
        Envelope first = Envelopes.wrap(TaskStarted.getDefaultInstance(), EnvelopeMetadata.of("it", "p"));
        Envelope second = Envelopes.wrap(TaskStarted.getDefaultInstance(), EnvelopeMetadata.of("it", "p"));
        broker.publisher.publish(new Destination("", queue), first).get(5, TimeUnit.SECONDS);

        // when / then
        assertThatThrownBy(() -> broker.publisher
                        .publish(new Destination("", queue), second)
                        .get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PublishFailedException.class,
                        e -> assertThat(e.failure()).isEqualTo(PublishFailedException.Cause.NACKED));
    }

    private static void publishProgress(String queue, String text) throws Exception {
        Envelope envelope =
                Envelopes.wrap(TaskProgress.newBuilder().setMessage(text).build(), EnvelopeMetadata.of("it", "p"));
        // the default exchange routes straight to the queue, so each test owns its traffic
        broker.publisher.publish(new Destination("", queue), envelope).get(5, TimeUnit.SECONDS);
    }

    private static void publishRaw(String queue, byte[] body, String id) throws Exception {
        broker.publisher
                .publishRaw(
                        "",
                        queue,
                        new AMQP.BasicProperties.Builder()
                                .messageId(id)
                                .deliveryMode(2)
                                .build(),
                        body)
                .get(5, TimeUnit.SECONDS);
    }

    /** A new work queue's DLQ holding one envelope per conversation named, in that order. */
    private static String deadLetterQueueWithLettersOf(String purpose, String... conversations) throws Exception {
        String queue = uniqueQueue(purpose);
        broker.topology.declareEventQueue(queue, List.of(purpose + "-test." + queue));
        String dlq = BrokerTopology.deadLetterQueueName(queue);
        for (String conversation : conversations) {
            Envelope envelope = Envelope.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setType("t")
                    .setCorrelationId(conversation)
                    .build();
            publishRaw(dlq, envelope.toByteArray(), envelope.getEventId());
        }
        return dlq;
    }

    private static String uniqueQueue(String purpose) {
        return "it." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
