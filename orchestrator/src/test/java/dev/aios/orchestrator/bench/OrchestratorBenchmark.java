package dev.aios.orchestrator.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.OrchestratorApplication;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.support.ScriptedAgents;
import dev.aios.orchestrator.support.TestInfrastructure;
import dev.aios.orchestrator.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasks per second through dispatch → agent events → completion with zero-latency scripted agents, against the
 * broker and database ceilings measured in the same run on the same machine. Usage:
 * {@code ./aios bench orchestrator [projects] [tasksPerProject]} (defaults 40 × 50).
 */
public final class OrchestratorBenchmark {
    static final int BROKER_MESSAGES_PER_TASK = 3; // TaskAssigned, TaskStarted, TaskCompleted
    static final int DECISIONS_PER_TASK = 2; // on TaskStarted and on TaskCompleted
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmups", 2);
    static final Duration CEILING_DURATION = Duration.ofSeconds(8);

    public static void main(String[] args) {
        int projects;
        int tasksPerProject;
        double offeredTasksPerSecond;
        try {
            projects = args.length > 0 ? Integer.parseInt(args[0]) : 400;
            tasksPerProject = args.length > 1 ? Integer.parseInt(args[1]) : 50;
            offeredTasksPerSecond = args.length > 2 ? Double.parseDouble(args[2]) : 3_000;
        } catch (NumberFormatException e) {
            projects = -1;
            tasksPerProject = -1;
            offeredTasksPerSecond = -1;
        }
        if (projects < 1 || tasksPerProject < 1 || offeredTasksPerSecond <= 0 || args.length > 3) {
            System.err.println(
                    "usage: ./aios bench orchestrator [projects >= 1] [tasksPerProject >= 1] [offered tasks/s > 0]");
            System.exit(2);
        }
        try {
            run(projects, tasksPerProject, offeredTasksPerSecond);
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("orchestrator benchmark failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(int projects, int tasksPerProject, double offeredTasksPerSecond) throws Exception {
        int decisionThreads = Integer.getInteger("bench.decision-threads", 1);
        int prefetch = Integer.getInteger("bench.prefetch", 100);
        var infra = TestInfrastructure.shared();
        System.out.printf(
                "orchestrator benchmark: %d projects x %d independent tasks (%d tasks) offered open-loop at %.0f tasks/s, "
                        + "zero-latency scripted agents, %d cores%n",
                projects,
                tasksPerProject,
                projects * tasksPerProject,
                offeredTasksPerSecond,
                Runtime.getRuntime().availableProcessors());

        // command-line arguments outrank application.yml (builder properties would only be defaults)
        var arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + infra.jdbcUrl(),
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--spring.rabbitmq.virtual-host=" + infra.vhost,
                "--aios.orchestrator.redis-key-prefix=" + infra.redisPrefix,
                "--aios.messaging.redis-key-prefix=" + infra.redisPrefix,
                "--aios.orchestrator.decision-threads=" + decisionThreads,
                "--aios.orchestrator.consumer-prefetch=" + prefetch,
                "--logging.level.root=WARN"));
        TestTokens.properties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(OrchestratorApplication.class).run(arguments.toArray(String[]::new));
        String shapes = System.getProperty("bench.database-shapes", "");
        if (!shapes.isBlank()) {
            // diagnostics: the database ceiling alone for given transaction shapes ("decisions x projects",
            // comma-separated)
            try {
                for (String shape : shapes.split(",")) {
                    String[] dp = shape.trim().split("x");
                    double d = DatabaseCeiling.decisionsPerSecond(
                            app,
                            Duration.ofSeconds(5),
                            decisionThreads,
                            Integer.parseInt(dp[0]),
                            Integer.parseInt(dp[1]));
                    System.out.printf(
                            "database alone, %s decisions x projects per transaction, %d connection(s): %.0f decisions/s%n",
                            shape.trim(), decisionThreads, d);
                }
            } finally {
                app.close();
            }
            return;
        }
        try (var agents = new ScriptedAgents(infra.vhost, false, 200)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            agents.cto(plan -> backlog(plan, tasksPerProject));
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            // a fresh JVM spends its first seconds compiling: unmeasured rounds first, so the measured one shows the
            // steady state
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                long warmStart = System.nanoTime();
                List<UUID> warm = submit(http, port, 40, 50, "warmup-" + round);
                int warmDelivered = awaitDelivered(jdbc, warm);
                System.out.printf(
                        "warm-up %d (not measured): %d/%d projects x %d tasks delivered in %.1f s%n",
                        round, warmDelivered, 40, 50, (System.nanoTime() - warmStart) / 1e9);
            }

            var meters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            double txBefore =
                    meters.counter("aios.orchestrator.decision.transactions").count();
            double decidedBefore = meters.counter("aios.orchestrator.decisions").count();
            double projectsBefore =
                    meters.counter("aios.orchestrator.decision.projects").count();
            var cpuBefore = CpuAccounting.snapshot();
            long roundStart = System.nanoTime();
            List<UUID> measured =
                    submitOpenLoop(http, port, projects, tasksPerProject, offeredTasksPerSecond / tasksPerProject);
            int delivered = awaitDelivered(jdbc, measured);
            var cpuAfter = CpuAccounting.snapshot();
            double roundSeconds = (System.nanoTime() - roundStart) / 1e9;
            double txs =
                    meters.counter("aios.orchestrator.decision.transactions").count() - txBefore;
            double decisions = meters.counter("aios.orchestrator.decisions").count() - decidedBefore;
            double projectsDecided =
                    meters.counter("aios.orchestrator.decision.projects").count() - projectsBefore;
            int perTx = (int) Math.max(1, Math.round(decisions / Math.max(1, txs)));
            int projectsPerTx = (int) Math.max(1, Math.round(projectsDecided / Math.max(1, txs)));
            System.out.printf(
                    "decision transactions: %.0f decisions in %.0f transactions = %d per transaction, over %d project(s) each on average%n",
                    decisions, txs, perTx, projectsPerTx);
            System.out.println(
                    "-- throughput round (offered above capacity: the latency below includes the queue that builds up)");
            double tps = report(app, measured, delivered);
            CpuAccounting.print(cpuBefore, cpuAfter, projects * tasksPerProject, roundSeconds);

            // latency means something only below capacity: a second open-loop round at half the throughput just
            // measured
            int latencyProjects = Math.max(1, Math.min(projects, 100));
            System.out.printf(
                    "-- latency round: %d projects x %d tasks offered open-loop at half that, %.0f tasks/s%n",
                    latencyProjects, tasksPerProject, tps / 2);
            List<UUID> paced = submitOpenLoop(http, port, latencyProjects, tasksPerProject, tps / 2 / tasksPerProject);
            report(app, paced, awaitDelivered(jdbc, paced));

            // the ceilings, after the system so that they can replay its transaction shape; first together, as
            // RELIABILITY.md defines them (both loads at once on the same machine), then each alone
            int envelope = envelopeSize(tasksPerProject);
            System.out.printf(
                    "ceilings (%d s each): broker = persistent %d-byte messages to a quorum queue, pipelined confirms (window 1000), "
                            + "one consumer acking, prefetch 200; database = the decision SQL replayed %d decisions per transaction over %d project(s), "
                            + "%d connections%n",
                    CEILING_DURATION.toSeconds(), envelope, perTx, projectsPerTx, decisionThreads);
            double bT;
            double dT;
            try (var together = java.util.concurrent.Executors.newFixedThreadPool(
                    2, Thread.ofPlatform().daemon().factory())) {
                var brokerTogether =
                        together.submit(() -> brokerMessagesPerSecond(infra.vhost, CEILING_DURATION, envelope));
                var dbTogether = together.submit(() -> DatabaseCeiling.decisionsPerSecond(
                        app, CEILING_DURATION, decisionThreads, perTx, projectsPerTx));
                bT = brokerTogether.get();
                dT = dbTogether.get();
            }
            double bA = brokerMessagesPerSecond(infra.vhost, CEILING_DURATION, envelope);
            double dA =
                    DatabaseCeiling.decisionsPerSecond(app, CEILING_DURATION, decisionThreads, perTx, projectsPerTx);
            double lTogether = ceiling("together (RELIABILITY.md)", bT, dT);
            double lAlone = ceiling("each alone (whole machine each)", bA, dA);
            System.out.printf(
                    "efficiency: %.0f / %.0f tasks/s = %.2f of the ceiling measured together (target >= 0.5); "
                            + "%.0f / %.0f = %.2f of the ceilings measured alone%n",
                    tps, lTogether, tps / lTogether, tps, lAlone, tps / lAlone);
        } finally {
            app.close();
        }
    }

    static double ceiling(String how, double brokerMessages, double dbDecisions) {
        double l = Math.min(brokerMessages / BROKER_MESSAGES_PER_TASK, dbDecisions / DECISIONS_PER_TASK);
        System.out.printf(
                "ceiling %s: broker %.0f msg/s / %d per task = %.0f tasks/s; database %.0f decisions/s / %d per task = %.0f tasks/s; L = %.0f tasks/s%n",
                how,
                brokerMessages,
                BROKER_MESSAGES_PER_TASK,
                brokerMessages / BROKER_MESSAGES_PER_TASK,
                dbDecisions,
                DECISIONS_PER_TASK,
                dbDecisions / DECISIONS_PER_TASK,
                l);
        return l;
    }

    /**
     * Submits one project every 1/rate seconds without waiting for the answers (open loop: the offered load does not
     * slow down when the system falls behind), then collects the accepted ids.
     */
    static List<UUID> submitOpenLoop(
            HttpClient http, int port, int projects, int tasksPerProject, double projectsPerSecond) throws Exception {
        var responses = new ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        long start = System.nanoTime();
        long interval = (long) (1e9 / projectsPerSecond);
        for (int i = 0; i < projects; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            responses.add(http.sendAsync(
                    submission(port, "bench-" + i, tasksPerProject), HttpResponse.BodyHandlers.ofString()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<UUID> ids = new ArrayList<>();
        for (var response : responses) {
            ids.add(accepted(response.get()));
        }
        System.out.printf(
                "submitted %d projects in %.1f s (%.0f tasks/s offered)%n",
                projects, seconds, projects * tasksPerProject / seconds);
        return ids;
    }

    static HttpRequest submission(int port, String name, int tasksPerProject) {
        String body = "{\"name\":\"" + name + "\",\"brief\":\"benchmark\",\"budgetMicros\":1000000000,"
                + "\"options\":{\"sprintCapacityPoints\":" + tasksPerProject + "}}";
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static UUID accepted(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submit failed: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static List<UUID> submit(HttpClient http, int port, int projects, int tasksPerProject, String name)
            throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            ids.add(accepted(http.send(
                    submission(port, name + "-" + i, tasksPerProject), HttpResponse.BodyHandlers.ofString())));
        }
        return ids;
    }

    static int awaitDelivered(JdbcTemplate jdbc, List<UUID> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        int delivered = 0;
        while (System.nanoTime() < deadline) {
            delivered = jdbc.queryForObject(
                    "SELECT count(*) FROM projects WHERE status = 'DELIVERED' AND project_id = ANY(?)",
                    Integer.class,
                    (Object) ids.toArray(UUID[]::new));
            if (delivered == ids.size()) {
                break;
            }
            Thread.sleep(250);
        }
        return delivered;
    }

    static BacklogProposed backlog(PlanProject plan, int tasks) {
        var b = BacklogProposed.newBuilder()
                .setProjectId(plan.getProjectId())
                .setAttempt(plan.getAttempt())
                .setArchitectureNotes("bench");
        for (int t = 1; t <= tasks; t++) {
            b.addTasks(TaskSpec.newBuilder()
                    .setTaskId("T" + t)
                    .setRole(t % 2 == 0 ? AgentRole.AGENT_ROLE_BACKEND : AgentRole.AGENT_ROLE_FRONTEND)
                    .setTitle("task " + t)
                    .setEstimatePoints(1)
                    .setKind(TaskKind.TASK_KIND_CODE));
        }
        return b.build();
    }

    static int envelopeSize(int tasksPerProject) {
        var assigned = TaskAssigned.newBuilder()
                .setProjectId(UUID.randomUUID().toString())
                .setTaskId("T1")
                .setAttempt(1)
                .setTask(
                        TaskSpec.newBuilder().setTaskId("T1").setTitle("task 1").setEstimatePoints(1))
                .setContext(TaskContext.newBuilder()
                        .setBrief("benchmark")
                        .setProjectName("bench-1")
                        .setArchitectureNotes("bench"))
                .setLeaseId(UUID.randomUUID() + "/T1/1")
                .build();
        return EventCodec.wrap(assigned, "c", null, Instant.now()).getSerializedSize();
    }

    static double report(ConfigurableApplicationContext app, List<UUID> projectIds, int delivered) {
        var store = app.getBean(dev.aios.orchestrator.eventstore.EventStore.class);
        int projects = projectIds.size();
        List<String> streams = projectIds.stream().map(id -> "project-" + id).toList();
        List<Long> latenciesMicros = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (String stream : streams) {
            Map<String, Instant> assignedAt = new HashMap<>();
            for (StoredEvent e : store.readStream(stream)) {
                Message m = EventCodec.unwrap(e.envelope());
                if (m instanceof TaskAssigned a && !a.getTaskId().startsWith("R")) {
                    assignedAt.putIfAbsent(a.getTaskId(), e.recordedAt());
                    first = first == null || e.recordedAt().isBefore(first) ? e.recordedAt() : first;
                } else if (m instanceof TaskCompleted c && assignedAt.containsKey(c.getTaskId())) {
                    latenciesMicros.add(Duration.between(assignedAt.get(c.getTaskId()), e.recordedAt())
                                    .toNanos()
                            / 1000);
                    last = last == null || e.recordedAt().isAfter(last) ? e.recordedAt() : last;
                }
            }
        }
        latenciesMicros.sort(Long::compare);
        int done = latenciesMicros.size();
        double seconds = first == null || last == null
                ? 0
                : Duration.between(first, last).toNanos() / 1e9;
        double tps = seconds == 0 ? 0 : done / seconds;
        System.out.printf(
                "system: %d tasks completed in %.2f s (%d/%d projects delivered) = %.0f tasks/s (window %s .. %s)%n",
                done, seconds, delivered, projects, tps, first, last);
        if (done > 0) {
            System.out.printf(
                    "latency assignment -> completion recorded: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latenciesMicros.get(done / 2) / 1000.0,
                    latenciesMicros.get(Math.min(done - 1, (int) (done * 0.99))) / 1000.0,
                    latenciesMicros.get(done - 1) / 1000.0);
        }
        return tps;
    }

    /** Confirmed persistent publishes to a quorum queue with one consumer acking, pipelined (bounded window). */
    static double brokerMessagesPerSecond(String vhost, Duration duration, int size) throws Exception {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(vhost);
        try (Connection pub = factory.newConnection("bench-ceiling-pub");
                Connection sub = factory.newConnection("bench-ceiling-sub")) {
            Channel p = pub.createChannel();
            Channel c = sub.createChannel();
            String queue = "bench.ceiling." + UUID.randomUUID();
            c.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            c.basicQos(200);
            var consumed = new AtomicLong();
            DeliverCallback ack = (tag, d) -> {
                c.basicAck(d.getEnvelope().getDeliveryTag(), false);
                consumed.incrementAndGet();
            };
            c.basicConsume(queue, false, ack, tag -> {});
            p.confirmSelect();
            var window = new Semaphore(1000);
            var lastConfirmed = new AtomicLong();
            p.addConfirmListener(
                    (tag, multiple) -> window.release(released(lastConfirmed, tag, multiple)),
                    (tag, multiple) -> window.release(released(lastConfirmed, tag, multiple)));
            byte[] body = ByteString.copyFrom(new byte[size]).toByteArray();
            var props = new AMQP.BasicProperties.Builder()
                    .deliveryMode(2)
                    .contentType("application/x-protobuf")
                    .build();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long published = 0;
            while (System.nanoTime() < end) {
                window.acquire();
                p.basicPublish("", queue, true, props, body);
                published++;
            }
            p.waitForConfirmsOrDie(30_000);
            long bound = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumed.get() < published && System.nanoTime() < bound) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.queueDelete(queue);
            return consumed.get() / seconds;
        }
    }

    private static int released(AtomicLong lastConfirmed, long tag, boolean multiple) {
        if (!multiple) {
            lastConfirmed.accumulateAndGet(tag, Math::max);
            return 1;
        }
        long previous = lastConfirmed.getAndAccumulate(tag, Math::max);
        return (int) Math.max(0, tag - previous);
    }
}
