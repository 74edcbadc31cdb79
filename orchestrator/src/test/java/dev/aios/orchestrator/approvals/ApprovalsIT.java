package dev.aios.orchestrator.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.PlanProject;
import dev.aios.orchestrator.OrchestratorApplication;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.support.ScriptedAgents;
import dev.aios.orchestrator.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Human approvals are durable and multi-replica (ADR 0014, issue 14 must-show 3): two orchestrator replicas share the
 * database, the broker's vhost and the Redis prefix; a waiting project is only its events, so it survives its replica
 * and is approved through the other; two people deciding at once get one 202 and one 409.
 */
class ApprovalsIT {
    private static final AiosTestInfrastructure KIT = AiosTestInfrastructure.get();
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String ALICE = TestTokens.token("alice", TestTokens.TENANT, "submitter");
    private static final String BOB = TestTokens.token("bob", TestTokens.TENANT, "submitter");

    // services of their own: an orchestrator of another test class, kept alive in Spring's context cache, would take
    // messages from the same queues with other settings (risky-change patterns) and decide for these projects
    private static AiosTestInfrastructure.TemporaryDatabase database;
    private static AiosTestInfrastructure.TemporaryVhost vhost;
    private static AiosTestInfrastructure.TemporaryRedisPrefix redisPrefix;
    private static ConfigurableApplicationContext replicaA;
    private static ConfigurableApplicationContext replicaB;
    private static ScriptedAgents agents;
    private static final ConcurrentLinkedQueue<PlanProject> plans = new ConcurrentLinkedQueue<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoReplicasAndTheAgents() throws Exception {
        database = KIT.createDatabase();
        vhost = KIT.createVhost();
        redisPrefix = KIT.createRedisPrefix();
        replicaA = replica();
        replicaB = replica();
        agents = new ScriptedAgents(vhost.name());
        agents.cto(plan -> {
            plans.add(plan);
            return ScriptedAgents.threeTaskBacklog(plan);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (agents != null) {
            agents.close();
        }
        if (replicaA != null) {
            replicaA.close();
        }
        if (replicaB != null) {
            replicaB.close();
        }
        for (AutoCloseable services : new AutoCloseable[] {database, vhost, redisPrefix}) {
            if (services != null) {
                services.close();
            }
        }
    }

    /** One orchestrator replica on a free port, on this class's database, vhost and Redis prefix. */
    static ConfigurableApplicationContext replica() {
        Map<String, Object> properties = new HashMap<>(TestTokens.properties());
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.rabbitmq.host", "127.0.0.1");
        properties.put("spring.rabbitmq.virtual-host", vhost.name());
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("aios.orchestrator.redis-key-prefix", redisPrefix.prefix());
        properties.put("aios.messaging.redis-key-prefix", redisPrefix.prefix());
        properties.put("aios.orchestrator.lease-duration", "20s");
        // every scripted changeset writes under src/: risky here, for the projects that ask about risky changes
        properties.put("aios.orchestrator.risky-changes.patterns", "src/,Dockerfile*");
        // as arguments: default properties would lose to application.yml
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OrchestratorApplication.class).run(args);
    }

    @Test
    void aWaitingProjectSurvivesItsReplicaAndIsApprovedThroughTheOtherOne() throws Exception {
        // given: a project waiting for its backlog's approval on a replica of its own
        ConfigurableApplicationContext doomed = replica();
        String id = submitWithBacklogApproval(doomed, "survivor");
        awaitWaiting(doomed, id, "backlog-1");
        assertThat(get(doomed, "/api/v1/projects/" + id)).contains("\"status\":\"AWAITING_APPROVAL\"");
        // when: that replica goes away and a person approves through another
        doomed.close();
        HttpResponse<String> granted =
                post(replicaB, "/api/v1/projects/" + id + "/approvals/backlog-1/grant", ALICE, null);
        // then: accepted, and the project goes on to delivery as it would have without approvals
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(202);
        assertThat(granted.body()).contains("\"status\":\"GRANTED\"", "\"decidedBy\":\"alice\"");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get(replicaB, "/api/v1/projects/" + id))
                        .contains("\"status\":\"DELIVERED\"", "\"tasksDone\":3"));
        assertThat(get(replicaA, "/api/v1/projects/" + id + "/approvals"))
                .contains(
                        "\"item\":\"backlog-1\"",
                        "\"kind\":\"backlog\"",
                        "\"status\":\"GRANTED\"",
                        "A (backend, 3 points): API");
    }

    @Test
    void theProjectAndTheListSayHowManyApprovalsWaitUntilTheyAreDecided() throws Exception {
        // given: a project whose backlog waits
        String id = submitWithBacklogApproval(replicaA, "counted");
        awaitWaiting(replicaA, id, "backlog-1");
        // then: its view and its row in the list say one approval waits
        assertThat(get(replicaA, "/api/v1/projects/" + id)).contains("\"awaitingApprovals\":1");
        assertThat(awaitingInList(replicaB, id)).isEqualTo(1);
        // when: a person grants it
        HttpResponse<String> granted =
                post(replicaB, "/api/v1/projects/" + id + "/approvals/backlog-1/grant", ALICE, null);
        // then: none waits, as soon as the grant is accepted (the row changes in the grant's transaction)
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(202);
        assertThat(get(replicaA, "/api/v1/projects/" + id)).contains("\"awaitingApprovals\":0");
        assertThat(awaitingInList(replicaA, id)).isZero();
    }

    @Test
    void twoPeopleApprovingAtOnceThroughTwoReplicasGetOneAcceptanceAndOneConflict() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                // given: a waiting backlog
                String id = submitWithBacklogApproval(replicaA, "race-" + round);
                awaitWaiting(replicaA, id, "backlog-1");
                String path = "/api/v1/projects/" + id + "/approvals/backlog-1/grant";
                // when: alice through replica A and bob through replica B grant it at the same moment
                var start = new CountDownLatch(1);
                Future<HttpResponse<String>> fromA = threads.submit(() -> {
                    start.await();
                    return post(replicaA, path, ALICE, null);
                });
                Future<HttpResponse<String>> fromB = threads.submit(() -> {
                    start.await();
                    return post(replicaB, path, BOB, null);
                });
                start.countDown();
                List<Integer> statuses = new ArrayList<>(
                        List.of(fromA.get().statusCode(), fromB.get().statusCode()));
                // then: exactly one is accepted and appended; the other is a problem detail 409
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(202, 409);
                HttpResponse<String> loser = fromA.get().statusCode() == 409 ? fromA.get() : fromB.get();
                assertThat(loser.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
                assertThat(decisionsOn(id, "backlog-1")).as("round %d", round).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRejectedBacklogGoesBackToTheCtoWithTheFeedbackAndTheNewOneWaitsAgain() throws Exception {
        // given
        String id = submitWithBacklogApproval(replicaA, "rejected");
        awaitWaiting(replicaA, id, "backlog-1");
        // when: a person rejects it with feedback, through the other replica
        HttpResponse<String> rejected = post(
                replicaB,
                "/api/v1/projects/" + id + "/approvals/backlog-1/reject",
                BOB,
                "{\"feedback\":\"Split the API into read and write tasks.\"}");
        // then: the CTO is asked again with the feedback among the reasons, and its new backlog waits under a new item
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(202);
        assertThat(rejected.body())
                .contains("\"status\":\"REJECTED\"", "\"feedback\":\"Split the API into read and write tasks.\"");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(plans).anySatisfy(p -> {
                    assertThat(p.getProjectId()).isEqualTo(id);
                    assertThat(p.getAttempt()).isEqualTo(2);
                    assertThat(p.getPreviousRejectionReasonsList())
                            .anySatisfy(r -> assertThat(r).contains("Split the API into read and write tasks."));
                }));
        awaitWaiting(replicaA, id, "backlog-2");
        // and a second decision on the rejected item is refused
        HttpResponse<String> again =
                post(replicaA, "/api/v1/projects/" + id + "/approvals/backlog-1/grant", ALICE, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("REJECTED by bob");
    }

    @Test
    void aWaitNobodyDecidesIsDecidedByTheProjectsDefaultAtItsDeadline() throws Exception {
        // given a backlog that waits at most a minute, after which it is granted
        HttpResponse<String> submitted = post(
                replicaA,
                "/api/v1/projects",
                ALICE,
                "{\"name\":\"timeout\",\"brief\":\"A todo app.\","
                        + "\"budgetMicros\":5000000,\"approvals\":[\"backlog\"],\"approvalTimeoutMinutes\":1,\"approvalTimeoutAction\":\"grant\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        Matcher m = ID.matcher(submitted.body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        awaitWaiting(replicaA, id, "backlog-1");
        assertThat(get(replicaA, "/api/v1/projects/" + id + "/approvals")).contains("\"deadline\":\"");
        // when nobody decides
        // then the deadline grants it, recorded as timed out by the orchestrator, and the project is delivered
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() ->
                        assertThat(get(replicaB, "/api/v1/projects/" + id)).contains("\"status\":\"DELIVERED\""));
        assertThat(get(replicaB, "/api/v1/projects/" + id + "/approvals"))
                .contains("\"status\":\"TIMED_OUT\"", "\"decidedBy\":\"orchestrator\"");
        assertThat(decisionsOn(id, "backlog-1")).isEqualTo(1);
    }

    @Test
    void aRejectedRiskyChangeIsRedoneWithTheFeedbackAndAGrantedOneIsApplied() throws Exception {
        // given a project whose risky changes wait, and the first one waiting
        HttpResponse<String> submitted = post(
                replicaA,
                "/api/v1/projects",
                ALICE,
                "{\"name\":\"risky\",\"brief\":\"A todo app.\","
                        + "\"budgetMicros\":5000000,\"approvals\":[\"risky-changes\"]}");
        Matcher m = ID.matcher(submitted.body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(replicaA, "/api/v1/projects/" + id + "/approvals"))
                        .contains(
                                "{\"item\":\"change-A-1\",\"kind\":\"risky-change\",\"status\":\"WAITING\"",
                                "write src/A.txt (10 bytes)",
                                "writes src/A.txt (matches src/)",
                                "\"taskId\":\"A\""));
        assertThat(get(replicaA, "/api/v1/projects/" + id + "/tasks")).contains("\"status\":\"AWAITING_APPROVAL\"");
        // when it is rejected with feedback
        HttpResponse<String> rejected = post(
                replicaB,
                "/api/v1/projects/" + id + "/approvals/change-A-1/reject",
                BOB,
                "{\"feedback\":\"Keep the API in one module.\"}");
        // then the agent gets the task again with the feedback, and its new changeset waits in turn
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(agents.assignments).anySatisfy(a -> {
                    assertThat(a.getProjectId()).isEqualTo(id);
                    assertThat(a.getTaskId()).isEqualTo("A");
                    assertThat(a.getAttempt()).isEqualTo(2);
                    assertThat(a.getContext().getReviewerFeedback()).isEqualTo("Keep the API in one module.");
                }));
        awaitWaitingOfKind(replicaA, id, "change-A-2", "risky-change");
        // and once every waiting change is granted, the project is delivered with them applied
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String item : waitingItems(replicaA, id)) {
                post(replicaB, "/api/v1/projects/" + id + "/approvals/" + item + "/grant", ALICE, null);
            }
            assertThat(get(replicaA, "/api/v1/projects/" + id)).contains("\"status\":\"DELIVERED\"", "\"tasksDone\":3");
        });
    }

    @Test
    void badDecisionsAreClearProblems() throws Exception {
        // given
        String id = submitWithBacklogApproval(replicaA, "bad");
        awaitWaiting(replicaA, id, "backlog-1");
        String base = "/api/v1/projects/" + id + "/approvals/";
        // then
        assertThat(post(replicaA, base + "backlog-1/reject", BOB, "{\"feedback\":\"\"}")
                        .body())
                .contains("feedback must be 1-4000");
        assertThat(post(replicaA, base + "backlog-1/reject", BOB, "{\"feedback\":\"a\\u0000b\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(replicaA, base + "backlog-1/reject", BOB, "{}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> deferOnABacklog =
                post(replicaA, base + "backlog-1/reject", BOB, "{\"feedback\":\"later\",\"deferTasks\":[\"A\"]}");
        assertThat(deferOnABacklog.statusCode()).isEqualTo(400);
        assertThat(deferOnABacklog.body()).contains("only a sprint's plan can leave tasks out; backlog-1 is not one");
        assertThat(post(replicaA, base + "backlog-1/reject", BOB, "{\"feedback\":\"x\",\"deferTasks\":[\"../A\"]}")
                        .body())
                .contains("deferTasks holds at most 200 task ids");
        assertThat(post(replicaA, base + "backlog-9/grant", ALICE, null).statusCode())
                .isEqualTo(404);
        String other = TestTokens.token("eve", "globex", "submitter");
        assertThat(post(replicaA, base + "backlog-1/grant", other, null).statusCode())
                .isEqualTo(404);
        String viewer = TestTokens.token("vic", TestTokens.TENANT, "viewer");
        assertThat(post(replicaA, base + "backlog-1/grant", viewer, null).statusCode())
                .isEqualTo(403);
        assertThat(get(replicaA, base.substring(0, base.length() - 1))).contains("\"status\":\"WAITING\"");
    }

    @Test
    void badApprovalOptionsOfASubmissionAreClearProblems() throws Exception {
        String base = "{\"name\":\"opts\",\"brief\":\"b\",\"budgetMicros\":100,";
        assertThat(post(replicaA, "/api/v1/projects", ALICE, base + "\"approvals\":[\"everything\"]}")
                        .body())
                .contains("approvals may hold only backlog, sprint and risky-changes");
        assertThat(post(
                                replicaA,
                                "/api/v1/projects",
                                ALICE,
                                base + "\"approvals\":[\"sprint\"],\"approvalTimeoutMinutes\":0,"
                                        + "\"approvalTimeoutAction\":\"grant\"}")
                        .body())
                .contains("approvalTimeoutMinutes must be between 1 and 43200");
        assertThat(post(
                                replicaA,
                                "/api/v1/projects",
                                ALICE,
                                base + "\"approvals\":[\"sprint\"],\"approvalTimeoutMinutes\":5}")
                        .body())
                .contains("approvalTimeoutAction (grant or reject) is required with approvalTimeoutMinutes");
        assertThat(post(
                                replicaA,
                                "/api/v1/projects",
                                ALICE,
                                base + "\"approvals\":[\"sprint\"],\"approvalTimeoutMinutes\":5,"
                                        + "\"approvalTimeoutAction\":\"maybe\"}")
                        .body())
                .contains("approvalTimeoutAction must be grant or reject");
        assertThat(post(
                                replicaA,
                                "/api/v1/projects",
                                ALICE,
                                base + "\"approvalTimeoutMinutes\":5,\"approvalTimeoutAction\":\"grant\"}")
                        .body())
                .contains("approvalTimeoutMinutes needs approvals");
        assertThat(post(replicaA, "/api/v1/projects", ALICE, base + "\"approvals\":\"backlog\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                replicaA,
                                "/api/v1/projects",
                                ALICE,
                                base + "\"approvals\":[\"backlog\",\"risky-changes\"],"
                                        + "\"approvalTimeoutMinutes\":60,\"approvalTimeoutAction\":\"reject\"}")
                        .statusCode())
                .isEqualTo(202);
    }

    /** The project's awaitingApprovals in the first page of the list (newest first). */
    private int awaitingInList(ConfigurableApplicationContext replica, String id) throws Exception {
        JsonNode page = JsonMapper.shared().readTree(get(replica, "/api/v1/projects?size=100"));
        for (JsonNode project : page.path("items")) {
            if (project.path("id").asString().equals(id)) {
                return project.path("awaitingApprovals").asInt(-1);
            }
        }
        throw new AssertionError("project " + id + " is not on the first page of the list");
    }

    private long decisionsOn(String id, String item) {
        EventStore store = replicaA.getBean(EventStore.class);
        return store.readStream(ProjectDecisions.streamOf(UUID.fromString(id))).stream()
                .map(e -> EventCodec.unwrap(e.envelope()))
                .filter(m -> (m instanceof ApprovalGranted g && g.getItemId().equals(item))
                        || (m instanceof ApprovalRejected r && r.getItemId().equals(item)))
                .count();
    }

    private String submitWithBacklogApproval(ConfigurableApplicationContext replica, String name) throws Exception {
        HttpResponse<String> response = post(
                replica,
                "/api/v1/projects",
                ALICE,
                "{\"name\":\"" + name
                        + "\",\"brief\":\"A todo app with an API and a web page.\",\"budgetMicros\":5000000,\"approvals\":[\"backlog\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void awaitWaiting(ConfigurableApplicationContext replica, String id, String item) {
        awaitWaitingOfKind(replica, id, item, "backlog");
    }

    private void awaitWaitingOfKind(ConfigurableApplicationContext replica, String id, String item, String kind) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(replica, "/api/v1/projects/" + id + "/approvals"))
                        .contains("{\"item\":\"" + item + "\",\"kind\":\"" + kind + "\",\"status\":\"WAITING\""));
    }

    private List<String> waitingItems(ConfigurableApplicationContext replica, String id) throws Exception {
        Matcher m = Pattern.compile("\"item\":\"([^\"]+)\",\"kind\":\"[^\"]+\",\"status\":\"WAITING\"")
                .matcher(get(replica, "/api/v1/projects/" + id + "/approvals"));
        var items = new ArrayList<String>();
        while (m.find()) {
            items.add(m.group(1));
        }
        return items;
    }

    private String get(ConfigurableApplicationContext replica, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url(replica, path)))
                                .header("Authorization", "Bearer " + ALICE)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> post(
            ConfigurableApplicationContext replica, String path, String token, @Nullable String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(replica, path))).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(ConfigurableApplicationContext replica, String path) {
        return "http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port") + path;
    }
}
