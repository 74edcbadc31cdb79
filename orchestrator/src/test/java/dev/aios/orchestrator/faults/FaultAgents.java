package dev.aios.orchestrator.faults;

import com.google.protobuf.Message;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.aios.agent.Role;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.support.ScriptedAgents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * Scripted agents for fault tests: {@code perRole} competing consumers per role queue, each a named agent that
 * answers at once (a backlog of eight tasks, a changeset, a passing review), unless the drop rule says it died with
 * the assignment (acked, never answered). A shared inbox of answered command ids skips redeliveries and re-sent
 * duplicates, as agent-base's idempotency key does. A gate pauses all of them; a publish that fails leaves the
 * delivery unacked for the broker to redeliver.
 */
final class FaultAgents implements AutoCloseable {
    record Answer(String agent, String projectId, String taskId, String leaseId) {}

    final ConcurrentLinkedQueue<TaskAssigned> dropped = new ConcurrentLinkedQueue<>();
    /** Event id of every command delivered to any agent, duplicates included. */
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    final ConcurrentLinkedQueue<Answer> answered = new ConcurrentLinkedQueue<>();
    final AtomicInteger publishFailures = new AtomicInteger();
    /** Duplicate deliveries the agents' shared inbox skipped (as agent-base's idempotency key does across replicas). */
    final AtomicInteger duplicatesSkipped = new AtomicInteger();

    private final java.util.Set<String> inbox = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Connection connection;
    private final Channel publishChannel;
    private final List<Channel> consumers = new ArrayList<>();
    private final BiPredicate<String, TaskAssigned> drop;
    private final Object gate = new Object();
    private boolean paused;

    FaultAgents(int port, String vhost, int perRole, BiPredicate<String, TaskAssigned> drop) throws Exception {
        this(port, vhost, perRole, java.util.EnumSet.allOf(Role.class), drop);
    }

    /** Agents for the given roles only (another process may serve the rest). */
    FaultAgents(int port, String vhost, int perRole, java.util.Set<Role> roles, BiPredicate<String, TaskAssigned> drop)
            throws Exception {
        this.drop = drop;
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setVirtualHost(vhost);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(500);
        connection = factory.newConnection("fault-agents");
        publishChannel = connection.createChannel();
        publishChannel.confirmSelect();
        for (Role role : roles) {
            for (int n = 1; n <= perRole; n++) {
                String agent = role.routingKey() + "-agent-" + n;
                Channel ch = connection.createChannel();
                ch.basicQos(10);
                ch.basicConsume(
                        role.queueName(),
                        false,
                        agent,
                        (tag, delivery) -> {
                            awaitOpenGate();
                            try {
                                Envelope envelope = Envelope.parseFrom(delivery.getBody());
                                received.add(envelope.getEventId());
                                if (inbox.contains(envelope.getEventId())) {
                                    duplicatesSkipped.incrementAndGet();
                                } else {
                                    answer(role, agent, envelope);
                                    inbox.add(
                                            envelope.getEventId()); // after the answer was confirmed: a crash before it
                                    // redoes the work
                                }
                            } catch (IOException | RuntimeException e) {
                                publishFailures.incrementAndGet();
                                return; // unacked: redelivered once the channel is recovered or closed
                            }
                            ch.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                        },
                        tag -> {});
                consumers.add(ch);
            }
        }
    }

    void pause() {
        synchronized (gate) {
            paused = true;
        }
    }

    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    private void awaitOpenGate() {
        synchronized (gate) {
            while (paused) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void answer(Role role, String agent, Envelope envelope) throws IOException {
        if (role == Role.CTO) {
            publish(eightTasks(PlanProject.parseFrom(envelope.getPayload()), agent), envelope);
            return;
        }
        TaskAssigned task = TaskAssigned.parseFrom(envelope.getPayload());
        if (drop.test(agent, task)) {
            dropped.add(task);
            return;
        }
        for (Message answer : ScriptedAgents.answers(task, agent)) {
            publish(answer, envelope);
        }
        answered.add(new Answer(agent, task.getProjectId(), task.getTaskId(), task.getLeaseId()));
    }

    private synchronized void publish(Message message, Envelope cause) throws IOException {
        ScriptedAgents.publishEvent(publishChannel, message, cause, "fault-agents");
        try {
            publishChannel.waitForConfirmsOrDie(10_000);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** Eight two-point tasks, one sprint: two API tasks, each with a page, a deployment and a test task after it. */
    static BacklogProposed eightTasks(PlanProject plan, String agent) {
        var backlog = BacklogProposed.newBuilder()
                .setProjectId(plan.getProjectId())
                .setAttempt(plan.getAttempt())
                .setArchitectureNotes("Two services with web pages.")
                .setAgentId(agent);
        for (String s : List.of("1", "2")) {
            backlog.addTasks(spec("api" + s, AgentRole.AGENT_ROLE_BACKEND))
                    .addTasks(spec("web" + s, AgentRole.AGENT_ROLE_FRONTEND, "api" + s))
                    .addTasks(spec("ops" + s, AgentRole.AGENT_ROLE_DEVOPS, "api" + s))
                    .addTasks(spec("db" + s, AgentRole.AGENT_ROLE_BACKEND, "web" + s));
        }
        return backlog.build();
    }

    private static TaskSpec spec(String id, AgentRole role, String... deps) {
        return TaskSpec.newBuilder()
                .setTaskId(id)
                .setRole(role)
                .setTitle("task " + id)
                .setEstimatePoints(2)
                .setKind(TaskKind.TASK_KIND_CODE)
                .addAllDependsOn(List.of(deps))
                .build();
    }

    @Override
    public void close() throws Exception {
        resume();
        connection.close(5_000);
    }
}
