package dev.aios.agent.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import dev.aios.agent.Role;
import dev.aios.agent.TransientFailureException;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskStarted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's per-service broker users on the real broker (a vhost of their own): the orchestrator declares the whole
 * topology, an agent verifies it, consumes its role's queue, publishes events and retries and dead-letters through its
 * own queue's exchanges, and is refused everything else.
 */
class BrokerPermissionsIT {
    private static final String ORCHESTRATOR_QUEUE = "aios.orchestrator.events";
    private static final MessagingSettings SETTINGS = BrokerFixture.fastRetries();

    private static ChartBrokerUsers users;
    private static final List<AutoCloseable> opened = new ArrayList<>();
    private static AmqpConnections orchestrator;
    private static AmqpConnections cto;
    private static RabbitEnvelopePublisher orchestratorPublisher;
    private static RabbitEnvelopePublisher ctoPublisher;
    private static DeadLetters orchestratorDeadLetters;
    private static final List<ReceivedEnvelope> orchestratorInbox = new CopyOnWriteArrayList<>();
    private static final Map<String, List<Integer>> ctoAttempts = new ConcurrentHashMap<>();

    @BeforeAll
    static void provisionUsersAndTopology() {
        users = ChartBrokerUsers.provision();
        // the orchestrator owns the topology: every role queue and its own event queue, declared with its own user
        orchestrator = open(users.connect("orchestrator"));
        BrokerTopology owner =
                new BrokerTopology(orchestrator.consumer(), new RabbitMqDialect(), SETTINGS, TopologyMode.DECLARE);
        for (Role role : Role.values()) {
            owner.declareRoleQueue(role);
        }
        owner.declareEventQueue(ORCHESTRATOR_QUEUE, List.of("#"));
        orchestratorPublisher = open(new RabbitEnvelopePublisher(orchestrator.publisher(), SETTINGS.confirmTimeout()));
        orchestratorDeadLetters = new DeadLetters(orchestrator.consumer(), orchestratorPublisher, owner);
        open(new ReliableConsumers(orchestrator.consumer(), orchestratorPublisher, new RabbitMqDialect(), SETTINGS))
                .start(new ConsumerSpec(ORCHESTRATOR_QUEUE, 10, 1), orchestratorInbox::add);

        // the CTO agent: verifies (cannot declare), consumes its queue, answers with an event
        cto = open(users.connect("agents-cto"));
        BrokerTopology verifying =
                new BrokerTopology(cto.consumer(), new RabbitMqDialect(), SETTINGS, TopologyMode.VERIFY);
        String queue = verifying.declareRoleQueue(Role.CTO);
        ctoPublisher = open(new RabbitEnvelopePublisher(cto.publisher(), SETTINGS.confirmTimeout()));
        open(new ReliableConsumers(cto.consumer(), ctoPublisher, new RabbitMqDialect(), SETTINGS))
                .start(new ConsumerSpec(queue, 5, 1), BrokerPermissionsIT::ctoHandles);
    }

    /** "ok-*": answer with an event; "flaky-*": fail transiently once, then answer; "poison-*": reject for good. */
    private static void ctoHandles(ReceivedEnvelope message) throws Exception {
        String task = message.payload(TaskStarted.class).getTaskId();
        ctoAttempts.computeIfAbsent(task, t -> new CopyOnWriteArrayList<>()).add(message.attempt());
        if (task.startsWith("poison-")) {
            throw new IllegalArgumentException("cannot handle " + task);
        }
        if (task.startsWith("flaky-") && message.attempt() == 1) {
            throw new TransientFailureException("try again later");
        }
        ctoPublisher
                .publish(Destination.event(TaskStarted.getDescriptor().getFullName()), started("answer-" + task))
                .get(5, TimeUnit.SECONDS);
    }

    @AfterAll
    static void deleteVhostAndUsers() {
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing after the test: the vhost goes next anyway
            }
        }
        if (users != null) {
            users.close();
        }
    }

    @Test
    void anAgentConsumesItsRolesCommandsAndPublishesEventsTheOrchestratorReceives() throws Exception {
        // when
        orchestratorPublisher
                .publish(Destination.command(Role.CTO), started("ok-1"))
                .get(5, TimeUnit.SECONDS);

        // then
        await().atMost(Duration.ofSeconds(15)).until(() -> answered("ok-1"));
    }

    @Test
    void anAgentRetriesThroughItsQueuesRetryExchange() throws Exception {
        // when
        orchestratorPublisher
                .publish(Destination.command(Role.CTO), started("flaky-1"))
                .get(5, TimeUnit.SECONDS);

        // then: the second attempt came back through aios.agent.cto.retry and its TTL queue
        await().atMost(Duration.ofSeconds(15)).until(() -> answered("flaky-1"));
        assertThat(ctoAttempts.get("flaky-1")).containsExactly(1, 2);
    }

    @Test
    void anAgentDeadLettersThroughItsQueuesDeadLetterExchange() throws Exception {
        // when
        orchestratorPublisher
                .publish(Destination.command(Role.CTO), started("poison-1"))
                .get(5, TimeUnit.SECONDS);

        // then: in the DLQ, which only the orchestrator may read
        await().atMost(Duration.ofSeconds(15))
                .until(() -> orchestratorDeadLetters.depth(Role.CTO.deadLetterQueueName()) == 1);
        assertThat(orchestratorDeadLetters
                        .peek(Role.CTO.deadLetterQueueName(), 1)
                        .getFirst()
                        .reason())
                .contains("cannot handle poison-1");
    }

    @Test
    void anAgentCannotReadAnotherRolesQueueTheOrchestratorsQueueOrItsOwnDlq() {
        for (String queue : List.of(Role.BACKEND.queueName(), ORCHESTRATOR_QUEUE, Role.CTO.deadLetterQueueName())) {
            assertThat(refused(cto.consumer(), ch -> ch.basicConsume(queue, false, new DefaultConsumer(ch))))
                    .contains("ACCESS_REFUSED")
                    .contains(queue);
        }
    }

    @Test
    void anAgentCannotDeclareOrDeleteTopology() {
        assertThat(refused(cto.consumer(), ch -> ch.exchangeDeclare("aios.agent.cto.extra", "fanout", true)))
                .contains("ACCESS_REFUSED");
        assertThat(refused(cto.consumer(), ch -> ch.queueDeclare("aios.agent.cto.extra", true, false, false, Map.of())))
                .contains("ACCESS_REFUSED");
        assertThat(refused(cto.consumer(), ch -> ch.queueDelete(Role.CTO.queueName())))
                .contains("ACCESS_REFUSED");
        assertThat(refused(cto.consumer(), ch -> ch.exchangeDelete(Destination.EVENTS_EXCHANGE)))
                .contains("ACCESS_REFUSED");
        assertThat(refused(cto.consumer(), ch -> ch.queueBind(Role.CTO.queueName(), Destination.EVENTS_EXCHANGE, "#")))
                .contains("ACCESS_REFUSED");
    }

    @Test
    void anAgentCannotSendCommandsOrWriteIntoOtherQueuesThroughTheDefaultExchange() {
        assertThat(refusedPublish(cto.publisher(), Destination.COMMANDS_EXCHANGE, Role.BACKEND.routingKey()))
                .contains("ACCESS_REFUSED");
        assertThat(refusedPublish(cto.publisher(), "", Role.BACKEND.queueName()))
                .contains("ACCESS_REFUSED");
        assertThat(refusedPublish(cto.publisher(), "aios.agent.backend.retry", "300"))
                .contains("ACCESS_REFUSED");
    }

    @Test
    void theRouterPublishesEventsAndNothingElse() throws Exception {
        try (AmqpConnections router = users.connect("llm-router");
                var publisher = new RabbitEnvelopePublisher(router.publisher(), SETTINGS.confirmTimeout())) {
            // given: the router verifies the exchanges it publishes to
            new BrokerTopology(router.consumer(), new RabbitMqDialect(), SETTINGS, TopologyMode.VERIFY)
                    .declareExchanges();

            // when
            publisher
                    .publish(Destination.event(TaskStarted.getDescriptor().getFullName()), started("from-router"))
                    .get(5, TimeUnit.SECONDS);

            // then
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> orchestratorInbox.stream()
                            .anyMatch(m ->
                                    m.payload(TaskStarted.class).getTaskId().equals("from-router")));
            assertThat(refused(
                            router.consumer(),
                            ch -> ch.basicConsume(Role.CTO.queueName(), false, new DefaultConsumer(ch))))
                    .contains("ACCESS_REFUSED");
            assertThat(refusedPublish(router.publisher(), Destination.COMMANDS_EXCHANGE, Role.CTO.routingKey()))
                    .contains("ACCESS_REFUSED");
        }
    }

    @Test
    void verifyModeFailsNamingTheQueueNobodyDeclared() {
        var verifying = new BrokerTopology(cto.consumer(), new RabbitMqDialect(), SETTINGS, TopologyMode.VERIFY);

        assertThatThrownBy(() -> verifying.declareEventQueue("aios.agent.cto.undeclared", List.of("#")))
                .isInstanceOf(MissingTopologyException.class)
                .hasMessageContaining("queue 'aios.agent.cto.undeclared' does not exist")
                .hasMessageContaining("NOT_FOUND");
    }

    @Test
    void verifyModeWaitsForTheOrchestratorToDeclareWhatIsMissing() throws Exception {
        // given an agent that starts before its queue exists
        var verifying = new BrokerTopology(
                cto.consumer(), new RabbitMqDialect(), SETTINGS, TopologyMode.VERIFY, Duration.ofSeconds(20));
        var verified = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> verifying.declareEventQueue("aios.agent.late", List.of("#")));

        // when the orchestrator declares it
        new BrokerTopology(orchestrator.consumer(), new RabbitMqDialect(), SETTINGS, TopologyMode.DECLARE)
                .declareEventQueue("aios.agent.late", List.of("late.#"));

        // then
        assertThat(verified.get(25, TimeUnit.SECONDS)).isEqualTo("aios.agent.late");
    }

    private static boolean answered(String task) {
        return orchestratorInbox.stream()
                .anyMatch(m -> m.payload(TaskStarted.class).getTaskId().equals("answer-" + task));
    }

    private static Envelope started(String task) {
        return Envelopes.wrap(
                TaskStarted.newBuilder()
                        .setProjectId("p-perm")
                        .setTaskId(task)
                        .setAgentId("it")
                        .build(),
                new EnvelopeMetadata("", "project-p-perm", 0, "p-perm", "cause", "perm-it", ""));
    }

    @FunctionalInterface
    private interface ChannelWork {
        void run(Channel channel) throws Exception;
    }

    /** Runs {@code work} on a fresh channel and returns the broker's refusal (the test fails if there is none). */
    private static String refused(Connection connection, ChannelWork work) {
        Channel channel;
        try {
            channel = connection.createChannel();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try {
            work.run(channel);
        } catch (Exception e) {
            return messages(e);
        }
        try {
            channel.close();
        } catch (Exception ignored) {
            // the channel is gone either way
        }
        throw new AssertionError("the broker allowed it");
    }

    private static String refusedPublish(Connection connection, String exchange, String routingKey) {
        return refused(connection, ch -> {
            ch.confirmSelect();
            ch.basicPublish(exchange, routingKey, new AMQP.BasicProperties(), new byte[] {1});
            ch.waitForConfirmsOrDie(5_000);
        });
    }

    private static String messages(Throwable e) {
        var text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append(" | ");
        }
        return text.toString();
    }

    private static <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }
}
