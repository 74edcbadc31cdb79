package dev.aios.agent.messaging.runtime;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.aios.agent.TransientFailureException;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.heartbeat.AgentPresence;
import dev.aios.agent.heartbeat.HeartbeatStore;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.ConsumerHandle;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeHandler;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.InboxStore;
import dev.aios.agent.messaging.MessagingProperties;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.template.PlanningAgent;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskProgress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BaseAgent} on the bus without Spring: TaskAssigned → dedupe by event id → TaskStarted → perform →
 * TaskCompleted/TaskFailed (causation = the assignment, correlation propagated, lease echoed) → wait for the confirm
 * → record in the inbox → return, so the consumer acks only after the outcome is safe at the broker.
 */
public final class AgentRuntime implements EnvelopeHandler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

    private final BaseAgent agent;
    private final EnvelopePublisher publisher;
    private final InboxStore inbox;
    private final HeartbeatStore heartbeats;
    private final Settings settings;
    private final TaskOutcomeObserver observer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService heartbeatTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aios-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable ConsumerHandle consumer;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Identity and timing of one agent replica. */
    public record Settings(
            String agentId, Duration confirmTimeout, Duration heartbeatTtl, ChangesetValidator validator) {
        public Settings {
            requireNonNull(agentId, "agent id");
            requireNonNull(confirmTimeout, "confirm timeout");
            requireNonNull(heartbeatTtl, "heartbeat ttl");
            requireNonNull(validator, "validator");
        }

        /** A replica with a service's default timing ({@link MessagingProperties}) and changeset limits. */
        public static Settings defaults(String agentId) {
            MessagingProperties messaging = MessagingProperties.defaults();
            return new Settings(
                    agentId, messaging.confirmTimeout(), messaging.heartbeatTtl(), ChangesetValidator.withDefaults());
        }
    }

    public AgentRuntime(
            BaseAgent agent,
            EnvelopePublisher publisher,
            InboxStore inbox,
            HeartbeatStore heartbeats,
            Settings settings) {
        this(agent, publisher, inbox, heartbeats, settings, TaskOutcomeObserver.NONE);
    }

    public AgentRuntime(
            BaseAgent agent,
            EnvelopePublisher publisher,
            InboxStore inbox,
            HeartbeatStore heartbeats,
            Settings settings,
            TaskOutcomeObserver observer) {
        this.agent = requireNonNull(agent, "agent");
        this.publisher = requireNonNull(publisher, "publisher");
        this.inbox = requireNonNull(inbox, "inbox");
        this.heartbeats = requireNonNull(heartbeats, "heartbeats");
        this.settings = requireNonNull(settings, "settings");
        this.observer = requireNonNull(observer, "observer");
    }

    /** Declares the role's queue, starts heartbeats and consumes. */
    public ConsumerHandle start(BrokerTopology topology, ReliableConsumers consumers, int prefetch, int concurrency) {
        String queue = topology.declareRoleQueue(agent.role());
        long period = Math.max(1, settings.heartbeatTtl().toMillis() / 3);
        heartbeatTimer.scheduleAtFixedRate(this::beat, 0, period, TimeUnit.MILLISECONDS);
        consumer = consumers.start(new ConsumerSpec(queue, prefetch, concurrency), this);
        return consumer;
    }

    public String agentId() {
        return settings.agentId();
    }

    @Override
    public void handle(ReceivedEnvelope message) throws Exception {
        Message payload = message.payload();
        if (!(payload instanceof TaskAssigned) && !(payload instanceof PlanProject && agent instanceof PlanningAgent)) {
            throw new IllegalArgumentException(agent.role() + " agent does not handle " + message.type());
        }
        if (inbox.alreadyProcessed(inboxName(), message.eventId())) {
            log.info("{} already handled {}; acking the duplicate", settings.agentId(), message.eventId());
            return;
        }
        inFlight.incrementAndGet();
        try {
            if (payload instanceof TaskAssigned assigned) {
                onTaskAssigned(message.envelope(), TaskEventMapper.toAssignment(assigned));
            } else {
                onPlanProject(message.envelope(), TaskEventMapper.toPlanRequest((PlanProject) payload));
            }
            inbox.firstTime(inboxName(), message.eventId());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void onTaskAssigned(Envelope cause, TaskAssignment assignment) {
        String agentId = settings.agentId();
        publishConfirmed(cause, TaskEventMapper.started(assignment, agentId, agent.role()));
        ProgressReporter progress = (text, percent) -> publishConfirmed(
                cause,
                TaskProgress.newBuilder()
                        .setProjectId(assignment.projectId())
                        .setTaskId(assignment.taskId())
                        .setAttempt(assignment.attempt())
                        .setAgentId(agentId)
                        .setMessage(text)
                        .setPercent(Math.max(0, Math.min(100, percent)))
                        .build());
        TaskOutcome outcome = agent.execute(assignment, progress, settings.validator());
        Message result = switch (outcome) {
            case TaskOutcome.Completed completed ->
                TaskEventMapper.completed(assignment, agentId, agent.role(), completed);
            case TaskOutcome.Failed failed -> TaskEventMapper.failed(assignment, agentId, agent.role(), failed);
        };
        publishConfirmed(cause, result);
        observer.observed(agent.role(), outcome instanceof TaskOutcome.Completed ? "completed" : "failed");
    }

    private void onPlanProject(Envelope cause, PlanRequest request) {
        PlanOutcome outcome = ((PlanningAgent) agent).executePlan(request);
        Message result = switch (outcome) {
            case PlanOutcome.Proposed proposed -> TaskEventMapper.proposed(request, settings.agentId(), proposed);
            case PlanOutcome.Failed failed ->
                TaskEventMapper.planFailed(request, settings.agentId(), agent.role(), failed);
        };
        publishConfirmed(cause, result);
        observer.observed(agent.role(), outcome instanceof PlanOutcome.Proposed ? "completed" : "failed");
    }

    private void publishConfirmed(Envelope cause, Message payload) {
        Envelope envelope = Envelopes.wrap(payload, EnvelopeMetadata.causedBy(cause, producer()));
        try {
            publisher
                    .publish(Destination.event(envelope.getType()), envelope)
                    .get(settings.confirmTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TransientFailureException(
                    "publishing " + envelope.getType() + " failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new TransientFailureException("no confirm for " + envelope.getType() + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while publishing " + envelope.getType(), e);
        }
    }

    private String producer() {
        return "agents-" + agent.role().routingKey() + "/" + settings.agentId();
    }

    private String inboxName() {
        return "agent-" + agent.role().routingKey();
    }

    private void beat() {
        try {
            heartbeats.beat(
                    new AgentPresence(agent.role(), settings.agentId(), inFlight.get()), settings.heartbeatTtl());
        } catch (RuntimeException e) {
            // Redis being down must not stop work; the entry simply expires and the registry shows the gap.
            log.warn("heartbeat for {} failed: {}", settings.agentId(), e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        heartbeatTimer.shutdownNow();
        @Nullable ConsumerHandle handle = consumer;
        if (handle != null) {
            handle.close();
        }
        try {
            heartbeats.remove(new AgentPresence(agent.role(), settings.agentId(), 0));
        } catch (RuntimeException e) {
            log.warn("could not remove the heartbeat of {}: {}", settings.agentId(), e.getMessage());
        }
    }
}
