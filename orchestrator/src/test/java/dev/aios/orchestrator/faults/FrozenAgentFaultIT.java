package dev.aios.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.aios.agent.Role;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskStarted;
import dev.aios.orchestrator.eventstore.EventCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault test 10 (docs/reliability.md): a backend agent JVM (real agent-base runtime) is frozen with SIGSTOP for
 * 90 s mid-task, then continued. Its task is finished by the other agent after the lease expired, its late work is
 * fenced (by the lease or the inbox), and it comes back and takes work again. Only the agent process is stopped,
 * so the shared broker, database and Redis serve it (fresh vhost, database and key prefix).
 */
class FrozenAgentFaultIT extends FaultIntegrationTest {
    // 4 projects x 4 backend tasks at 0.3 s for the two agent JVMs (the rest answered at once): the queue never holds
    // more than the lease (15 s) of work. A lease runs from the assignment, so a backlog longer than the lease expires
    // reassigned tasks before any agent starts them (seen with 10 projects at 1 s and an 8 s lease: abandoned)
    static final int PROJECTS = 4;
    static final long TASK_MILLIS = 300;
    static final Duration FREEZE = Duration.ofSeconds(90);
    static final AiosTestInfrastructure.TemporaryDatabase DB = closeAfterContext(KIT.createDatabase());
    static final AiosTestInfrastructure.TemporaryVhost VHOST = closeAfterContext(KIT.createVhost());
    static final AiosTestInfrastructure.TemporaryRedisPrefix PREFIX = closeAfterContext(KIT.createRedisPrefix());
    static final List<Process> backends = new ArrayList<>();
    static final java.util.Map<String, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();
    static FaultAgents others;
    static Connection watcher;

    @Autowired
    JdbcTemplate jdbc;

    /** An agent event seen on the events exchange, with when it was seen. */
    record Seen(String type, String agent, String leaseId, String taskId, long at) {}

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        useServices(registry, DB::jdbcUrl, null, VHOST::name, null, PREFIX::prefix);
        registry.add("aios.orchestrator.lease-duration", () -> "15s");
        registry.add("aios.orchestrator.lease-sweep-interval", () -> "250ms");
    }

    @AfterAll
    static void stopAgents() {
        backends.forEach(Process::destroyForcibly); // SIGKILL ends a stopped process too
        closeQuietly(others, watcher);
    }

    @Test
    void frozenAgentsTaskFinishesElsewhereItsLateWorkIsFencedAndItComesBack() throws Exception {
        // given: two backend agent JVMs (1 s per task), scripted agents for the other roles, a watcher on task events
        others = new FaultAgents(
                5672, VHOST.name(), 1, EnumSet.complementOf(EnumSet.of(Role.BACKEND)), (agent, task) -> false);
        var seen = watch();
        Process frozen = startAgent("backend-a");
        startAgent("backend-b");
        submit(PROJECTS, "frozen");
        // when: backend-a is stopped while it holds a task (started, not completed)
        String lease = null;
        long stopped = 0;
        for (int attempt = 0; attempt < 10 && lease == null; attempt++) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> inProgress(seen, "backend-a").isPresent());
            signal("STOP", frozen);
            stopped = System.nanoTime();
            Thread.sleep(500); // what it published before the signal has arrived by now
            lease = inProgress(seen, "backend-a").orElse(null);
            if (lease == null) {
                signal("CONT", frozen); // it finished just before the signal: try again
            }
        }
        assertThat(lease).as("backend-a frozen mid-task").isNotNull();
        String frozenLease = lease;
        String task = frozenLease.split("/")[1];
        String project = frozenLease.split("/")[0];
        // then: while it is frozen, its task is reassigned after the lease (15 s) and completed by the other agent
        boolean finishedElsewhere =
                within(FREEZE, () -> acceptedCompletion(project, task).isPresent());
        assertThat(finishedElsewhere)
                .as(
                        "task %s finished elsewhere while %s was frozen; its stream: %s; backend-b's output:%n%s",
                        task, frozenLease, streamTypes(project), tail(LOGS.get("backend-b")))
                .isTrue();
        long finishedElsewhereMs = (System.nanoTime() - stopped) / 1_000_000;
        Thread.sleep(Math.max(0, FREEZE.toMillis() - finishedElsewhereMs));
        signal("CONT", frozen);
        long continued = System.nanoTime();
        // and once continued it takes new work: an accepted completion by backend-a of a task it started afterwards
        submit(3, "after");
        boolean back = within(
                Duration.ofSeconds(90),
                () -> seen.stream()
                        .anyMatch(s -> s.type().equals("TaskStarted")
                                && s.agent().equals("backend-a")
                                && s.at() > continued
                                && acceptedBy(s.leaseId())
                                        .filter("backend-a"::equals)
                                        .isPresent()));
        long backMs = (System.nanoTime() - continued) / 1_000_000;
        long seenAfter = seen.stream()
                .filter(s -> s.agent().equals("backend-a") && s.at() > continued)
                .count();
        boolean allDelivered = within(Duration.ofSeconds(120), () -> delivered() == PROJECTS + 3);
        // and nothing it (or a redelivery of its assignment) did late for the frozen lease took effect
        List<String> lateCompletions = seen.stream()
                .filter(s -> s.type().equals("TaskCompleted") && s.leaseId().equals(frozenLease))
                .map(Seen::agent)
                .toList();
        String acceptedLease = acceptedCompletion(project, task).orElseThrow();
        StreamLedger ledger = StreamLedger.of(jdbc);
        System.out.printf(
                "fault 10: froze backend-a on %s for %d s; task completed elsewhere %d ms after the stop; completions"
                        + " published for the frozen lease (all fenced), by %s; backend-a took and finished new work: %s, %d ms after CONT"
                        + " (%d of its events seen after CONT); all delivered: %s; %s%n",
                frozenLease,
                FREEZE.toSeconds(),
                finishedElsewhereMs,
                lateCompletions,
                back,
                backMs,
                seenAfter,
                allDelivered,
                ledger);
        assertThat(back)
                .as("backend-a took work again; its output:%n%s", tail(LOGS.get("backend-a")))
                .isTrue();
        assertThat(acceptedLease).as("the completion that counted").isNotEqualTo(frozenLease);
        assertThat(allDelivered).isTrue();
        assertThat(ledger.problems()).isEmpty();
        assertThat(ledger.clean()).isTrue();
        assertThat(ledger.leaseExpiries()).isPositive();
    }

    /** A lease backend-a started and has not completed (as seen on the events exchange). */
    private static Optional<String> inProgress(ConcurrentLinkedQueue<Seen> seen, String agent) {
        var done = seen.stream()
                .filter(s -> s.type().equals("TaskCompleted") && s.agent().equals(agent))
                .map(Seen::leaseId)
                .toList();
        return seen.stream()
                .filter(s -> s.type().equals("TaskStarted") && s.agent().equals(agent) && !done.contains(s.leaseId()))
                .map(Seen::leaseId)
                .findFirst();
    }

    /** Lease id of the accepted TaskCompleted of the task, if any. */
    private Optional<String> acceptedCompletion(String project, String task) {
        return completions("project-" + project).stream()
                .filter(c -> c.getTaskId().equals(task))
                .map(TaskCompleted::getLeaseId)
                .findFirst();
    }

    /** Agent of the accepted TaskCompleted under this lease, if any. */
    private Optional<String> acceptedBy(String leaseId) {
        return completions("project-" + leaseId.split("/")[0]).stream()
                .filter(c -> c.getLeaseId().equals(leaseId))
                .map(TaskCompleted::getAgentId)
                .findFirst();
    }

    private List<TaskCompleted> completions(String stream) {
        return jdbc
                .queryForList(
                        "SELECT payload FROM events WHERE stream_id = ? AND type = ?",
                        byte[].class,
                        stream,
                        TaskCompleted.getDescriptor().getFullName())
                .stream()
                .map(p -> {
                    try {
                        return (TaskCompleted) EventCodec.unwrap(Envelope.parseFrom(p));
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private List<String> streamTypes(String project) {
        return jdbc
                .queryForList(
                        "SELECT type FROM events WHERE stream_id = ? ORDER BY stream_version",
                        String.class,
                        "project-" + project)
                .stream()
                .map(t -> t.substring(t.lastIndexOf('.') + 1))
                .toList();
    }

    private int delivered() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM projects WHERE status = 'DELIVERED'", Integer.class);
        return n == null ? 0 : n;
    }

    private static ConcurrentLinkedQueue<Seen> watch() throws Exception {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(VHOST.name());
        watcher = factory.newConnection("fault-10-watcher");
        var channel = watcher.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, Destination.EVENTS_EXCHANGE, "task.#");
        var seen = new ConcurrentLinkedQueue<Seen>();
        channel.basicConsume(
                queue,
                true,
                (tag, delivery) -> {
                    Envelope e = Envelope.parseFrom(delivery.getBody());
                    switch (EventCodec.unwrap(e)) {
                        case TaskStarted s ->
                            seen.add(new Seen(
                                    "TaskStarted", s.getAgentId(), s.getLeaseId(), s.getTaskId(), System.nanoTime()));
                        case TaskCompleted c ->
                            seen.add(new Seen(
                                    "TaskCompleted", c.getAgentId(), c.getLeaseId(), c.getTaskId(), System.nanoTime()));
                        default -> {}
                    }
                },
                tag -> {});
        return seen;
    }

    private static Process startAgent(String agentId) throws Exception {
        Path log = Files.createTempFile("aios-fault-" + agentId + "-", ".log");
        closeAfterContext(() -> Files.deleteIfExists(log));
        LOGS.put(agentId, log);
        Process process = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-Xmx192m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SlowAgentMain.class.getName(),
                        "127.0.0.1",
                        "5672",
                        VHOST.name(),
                        "127.0.0.1",
                        "6379",
                        PREFIX.prefix(),
                        agentId,
                        Long.toString(TASK_MILLIS))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        backends.add(process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readString(log).contains("READY " + agentId) || !process.isAlive());
        assertThat(process.isAlive())
                .as("agent " + agentId + " started; output: " + Files.readString(log))
                .isTrue();
        return process;
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
                .as("kill -" + signal)
                .isTrue();
    }
}
