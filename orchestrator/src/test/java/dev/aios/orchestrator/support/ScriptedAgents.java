package dev.aios.orchestrator.support;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.aios.agent.Role;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EventRouting;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.RabbitMqDialect;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.events.v1.*;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Test agents that answer over the real broker: they consume their role queues through agent-base's consumer (acks
 * after the handler, coalesced, as real agents do) and publish what a persona would (a backlog for the CTO, a
 * changeset for builders, a passing review for QA), with no model and no delay.
 */
public final class ScriptedAgents implements AutoCloseable {
    private final AmqpConnections connections;
    private final RabbitEnvelopePublisher retries;
    private final ReliableConsumers consumers;
    private final Channel publishChannel;
    public final ConcurrentLinkedQueue<TaskAssigned> assignments = new ConcurrentLinkedQueue<>();
    private volatile Function<PlanProject, BacklogProposed> cto = ScriptedAgents::threeTaskBacklog;

    private final boolean waitForEachConfirm;

    public ScriptedAgents(String vhost) throws Exception {
        this(vhost, true, 20);
    }

    /**
     * @param waitForEachConfirm false pipelines confirms (as agent-base's publisher does), for benchmarks
     */
    public ScriptedAgents(String vhost, boolean waitForEachConfirm, int prefetch) throws Exception {
        this.waitForEachConfirm = waitForEachConfirm;
        connections = new AmqpConnections("127.0.0.1", 5672, "guest", "guest", vhost, "scripted-agents");
        MessagingSettings settings = MessagingSettings.defaults();
        retries = new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
        consumers = new ReliableConsumers(connections.consumer(), retries, new RabbitMqDialect(), settings);
        publishChannel = connections.publisher().createChannel();
        publishChannel.exchangeDeclare(Destination.COMMANDS_EXCHANGE, "direct", true);
        publishChannel.exchangeDeclare(Destination.EVENTS_EXCHANGE, "topic", true);
        publishChannel.confirmSelect();
        for (Role role : Role.values()) {
            try (Channel check = connections.consumer().createChannel()) {
                check.queueDeclarePassive(
                        role.queueName()); // the orchestrator declared it through agent-base's topology
            }
            consumers.start(
                    new ConsumerSpec(role.queueName(), prefetch, 1), received -> answer(role, received.envelope()));
        }
    }

    public void cto(Function<PlanProject, BacklogProposed> script) {
        this.cto = script;
    }

    private void answer(Role role, Envelope envelope) throws java.io.IOException {
        try {
            if (role == Role.CTO) {
                BacklogProposed backlog = cto.apply(PlanProject.parseFrom(envelope.getPayload()));
                if (backlog != null) { // null: a CTO that stays silent
                    publish(backlog, envelope);
                }
                return;
            }
            TaskAssigned task = TaskAssigned.parseFrom(envelope.getPayload());
            assignments.add(task);
            for (Message answer : answers(task, role.routingKey() + "-agent-1")) {
                publish(answer, envelope);
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new java.io.IOException(e);
        }
    }

    public synchronized void publish(Message message, Envelope cause) throws java.io.IOException {
        publishEvent(publishChannel, message, cause, "scripted-agents");
        if (!waitForEachConfirm) {
            return;
        }
        try {
            publishChannel.waitForConfirmsOrDie(10_000);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException(e);
        }
    }

    /**
     * What a zero-latency agent answers to an assignment, in order: it started, then it completed, with one file for a
     * build task or a passing report for a sprint review.
     */
    public static List<Message> answers(TaskAssigned task, String agent) {
        var started = TaskStarted.newBuilder()
                .setProjectId(task.getProjectId())
                .setTaskId(task.getTaskId())
                .setAttempt(task.getAttempt())
                .setAgentId(agent)
                .setLeaseId(task.getLeaseId())
                .build();
        var done = TaskCompleted.newBuilder()
                .setProjectId(task.getProjectId())
                .setTaskId(task.getTaskId())
                .setAttempt(task.getAttempt())
                .setAgentId(agent)
                .setRole(task.getTask().getRole())
                .setSummary("scripted result for " + task.getTaskId())
                .setLeaseId(task.getLeaseId());
        if (task.getTask().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
            done.setReview(ReviewResult.newBuilder()
                    .setPassed(true)
                    .setReport(TestReport.newBuilder().setCommand("scripted").setPassed(true)));
        } else {
            done.setChangeset(Changeset.newBuilder()
                    .addWrites(FileWrite.newBuilder()
                            .setPath("src/" + task.getTaskId() + ".txt")
                            .setContent(ByteString.copyFromUtf8("work of " + task.getTaskId() + "\n"))));
        }
        return List.of(started, done.build());
    }

    /**
     * Publishes {@code message} as an agent event caused by {@code cause}: a fresh envelope (correlation kept,
     * causation = the cause's event id), persistent, mandatory, routed on the events exchange by its type. The caller
     * owns the channel (and waits for its confirm if it wants to).
     */
    public static void publishEvent(Channel channel, Message message, Envelope cause, String producer)
            throws java.io.IOException {
        String type = message.getDescriptorForType().getFullName();
        Instant now = Instant.now();
        Envelope envelope = Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(type)
                .setCorrelationId(cause.getCorrelationId())
                .setCausationId(cause.getEventId())
                .setOccurredAt(
                        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setProducer(producer)
                .setPayload(message.toByteString())
                .build();
        var props = new AMQP.BasicProperties.Builder()
                .contentType("application/x-protobuf")
                .messageId(envelope.getEventId())
                .type(type)
                .deliveryMode(2)
                .build();
        channel.basicPublish(
                Destination.EVENTS_EXCHANGE, EventRouting.routingKeyFor(type), true, props, envelope.toByteArray());
    }

    public static BacklogProposed threeTaskBacklog(PlanProject plan) {
        return BacklogProposed.newBuilder()
                .setProjectId(plan.getProjectId())
                .setAttempt(plan.getAttempt())
                .setArchitectureNotes("A service with a web front end.")
                .addTasks(spec("A", AgentRole.AGENT_ROLE_BACKEND, "API", 3))
                .addTasks(spec("B", AgentRole.AGENT_ROLE_FRONTEND, "Web page", 2, "A"))
                .addTasks(spec("C", AgentRole.AGENT_ROLE_DEVOPS, "Dockerfile", 1, "A"))
                .setAgentId("cto-agent-1")
                .build();
    }

    public static TaskSpec spec(String id, AgentRole role, String title, int points, String... deps) {
        return TaskSpec.newBuilder()
                .setTaskId(id)
                .setRole(role)
                .setTitle(title)
                .setEstimatePoints(points)
                .setKind(TaskKind.TASK_KIND_CODE)
                .addAllDependsOn(List.of(deps))
                .build();
    }

    @Override
    public void close() throws Exception {
        consumers.close();
        retries.close();
        connections.close();
    }
}
