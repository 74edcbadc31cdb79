package dev.aios.standalone.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.BuilderAgent;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.ReviewResult;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agents.cto.CtoAgent;
import dev.aios.agents.qa.QaAgent;
import dev.aios.agents.qa.sandbox.Sandbox;
import dev.aios.agents.qa.sandbox.SandboxLimits;
import dev.aios.router.client.LlmClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each scenario played through the real personas (their prompts, briefings, parsers and repair request) against the
 * scenario server, sprint by sprint, with the real QA sandbox as the sprint review: the delivered code is real and its
 * tests pass, a scenario's failing review really fails, and the counts are those its scenario.json expects. Budget
 * pauses need the router's pricing and are left to the recording; here the orchestrator's part is played in a few
 * lines: dependency order, a cycle check, defects as tasks of the next sprint, and a person's decisions on risky
 * changes (a changeset writing Docker or CI files waits; a rejection sends the task back with the feedback).
 */
class ScenarioWalkthroughTest {
    private static final List<String> NAMES = ScenarioFile.NAMES;

    private static ScenarioModelServer server;
    private static Map<Role, BaseAgent> builders;
    private static CtoAgent cto;
    private static QaAgent qa;

    @BeforeAll
    static void startServerAndPersonas() throws IOException {
        server = ScenarioModelServer.start(0, line -> {});
        LlmClient llm = new OpenAiWireClient(server.baseUrl(), false);
        cto = new CtoAgent(llm);
        qa = new QaAgent(llm, new Sandbox(SandboxLimits.defaults().withTimeout(Duration.ofSeconds(90))));
        builders = Map.of(
                Role.BACKEND,
                BuilderAgent.of(Role.BACKEND, llm),
                Role.FRONTEND,
                BuilderAgent.of(Role.FRONTEND, llm),
                Role.DEVOPS,
                BuilderAgent.of(Role.DEVOPS, llm),
                Role.QA,
                qa,
                Role.CTO,
                cto);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void theScenarioDeliversWorkingCodeTheWayItsExpectationsSay(String name) {
        // given
        ScenarioFile scenario = ScenarioFile.load(name);
        Run run = new Run(scenario);

        // when
        PlanOutcome.Proposed plan = run.plan();
        ReviewResult review = run.sprints(plan);

        // then
        assertThat(review.passed())
                .as(name + "'s last review: " + review.report().outputTail())
                .isTrue();
        assertThat(review.report().testsRun())
                .as("tests run in the last review")
                .isGreaterThanOrEqualTo(15);
        assertThat(run.rejections)
                .as("backlog rejections")
                .isEqualTo(scenario.expect().path("backlogRejections").asInt());
        assertThat(run.failedReviews)
                .as("failed reviews")
                .isEqualTo(scenario.expect().path("failedReviews").asInt());
        assertThat(run.sprint)
                .as("sprints")
                .isEqualTo(scenario.expect().path("sprints").asInt());
        assertThat(run.rejectedChanges)
                .as("risky changes a person rejected")
                .isEqualTo(scenario.expect().path("rejectedChanges").asInt(0));
        assertThat(run.decisions)
                .as("every decision the scenario lists was taken")
                .isEmpty();
        assertThat(run.workspace)
                .containsKeys("README.md", "Makefile", ".github/workflows/ci.yml", "tests/__init__.py");
    }

    /** One project's way through planning and sprints, with what it counted. */
    private static final class Run {
        final ScenarioFile scenario;
        final Map<String, FileContent> workspace = new TreeMap<>();
        final Map<String, TaskOutcome.Completed> done = new HashMap<>();
        /** What the scenario's person decides on risky changes, in order, as the demo reads it. */
        final Deque<Scenario.Decision> decisions = new ArrayDeque<>();

        final boolean approvesRiskyChanges;
        int rejections;
        int failedReviews;
        int rejectedChanges;
        int sprint;

        Run(ScenarioFile scenario) {
            this.scenario = scenario;
            Scenario bundled = Scenarios.bundled().named(scenario.directory()).orElseThrow();
            bundled.actions().forEach(a -> a.decision().ifPresent(decisions::add));
            this.approvesRiskyChanges = bundled.approvals().contains("risky-changes");
        }

        PlanOutcome.Proposed plan() {
            List<String> reasons = List.of();
            for (int attempt = 1; attempt <= 3; attempt++) {
                PlanOutcome outcome = cto.executePlan(new PlanRequest(
                        "p-" + scenario.directory(), scenario.projectName(), scenario.brief(), attempt, reasons));
                assertThat(outcome).as("plan attempt " + attempt).isInstanceOf(PlanOutcome.Proposed.class);
                PlanOutcome.Proposed plan = (PlanOutcome.Proposed) outcome;
                Optional<String> cycle = cycle(plan.tasks());
                if (cycle.isEmpty()) {
                    return plan;
                }
                rejections++;
                reasons = List.of("dependency cycle: " + cycle.get());
            }
            throw new AssertionError("no acceptable backlog in 3 attempts");
        }

        ReviewResult sprints(PlanOutcome.Proposed plan) {
            List<TaskDefinition> pending = plan.tasks();
            while (true) {
                sprint++;
                assertThat(sprint).as("sprints within the limit").isLessThanOrEqualTo(scenario.sprintLimit());
                for (TaskDefinition task : inDependencyOrder(pending)) {
                    TaskOutcome.Completed completed = execute(task, plan.architectureNotes(), "");
                    while (approvesRiskyChanges && risky(completed)) {
                        assertThat(decisions)
                                .as(task.taskId() + "'s risky change waits for a decision")
                                .isNotEmpty();
                        Scenario.Decision decision = decisions.poll();
                        if (decision.grant()) {
                            break;
                        }
                        rejectedChanges++;
                        completed = execute(task, plan.architectureNotes(), decision.feedback());
                    }
                    done.put(task.taskId(), completed);
                    completed.changeset().writes().forEach(file -> workspace.put(file.path(), file));
                    completed.changeset().deletes().forEach(workspace::remove);
                }
                ReviewResult review = review(plan.architectureNotes());
                if (review.passed()) {
                    return review;
                }
                failedReviews++;
                pending = defectTasks(review);
            }
        }

        private TaskOutcome.Completed execute(TaskDefinition task, String architecture, String feedback) {
            TaskOutcome outcome = builders.get(task.role())
                    .execute(assignment(task, architecture, List.of(), feedback), (message, percent) -> {});
            assertThat(outcome).as(task.taskId() + ": " + outcome).isInstanceOf(TaskOutcome.Completed.class);
            return (TaskOutcome.Completed) outcome;
        }

        /** As the orchestrator's defaults judge it, for the files these scenarios write: Docker or CI files, or deletes. */
        private static boolean risky(TaskOutcome.Completed completed) {
            return !completed.changeset().deletes().isEmpty()
                    || completed.changeset().writes().stream()
                            .map(FileContent::path)
                            .anyMatch(path -> path.startsWith(".github/")
                                    || path.substring(path.lastIndexOf('/') + 1).startsWith("Dockerfile"));
        }

        private ReviewResult review(String architecture) {
            TaskDefinition task = new TaskDefinition(
                    "R" + sprint,
                    Role.QA,
                    "Review of sprint " + sprint,
                    "Run the project's tests on the whole workspace and report defects.",
                    List.of(),
                    List.of(),
                    1,
                    Complexity.UNSPECIFIED,
                    TaskKind.SPRINT_REVIEW);
            TaskOutcome outcome =
                    qa.execute(assignment(task, architecture, List.copyOf(workspace.values()), ""), (m, p) -> {});
            assertThat(outcome).isInstanceOf(TaskOutcome.Completed.class);
            return ((TaskOutcome.Completed) outcome).review().orElseThrow();
        }

        /** As the orchestrator makes them: D<sprint>-<n>, one point, the failing output in the description. */
        private List<TaskDefinition> defectTasks(ReviewResult review) {
            List<TaskDefinition> defects = new ArrayList<>();
            for (ReviewResult.Defect defect : review.defects()) {
                defects.add(new TaskDefinition(
                        "D" + sprint + "-" + (defects.size() + 1),
                        defect.role(),
                        defect.title(),
                        defect.description() + "\n\nFailing output:\n" + defect.failingOutput(),
                        List.of(),
                        List.of(),
                        1,
                        Complexity.UNSPECIFIED,
                        TaskKind.DEFECT_FIX));
            }
            return defects;
        }

        private TaskAssignment assignment(
                TaskDefinition task, String architecture, List<FileContent> files, String feedback) {
            List<TaskContext.DependencyOutput> inputs = task.dependsOn().stream()
                    .map(id -> new TaskContext.DependencyOutput(
                            id,
                            id,
                            done.get(id).summary(),
                            done.get(id).changeset().writes().stream()
                                    .map(FileContent::path)
                                    .toList()))
                    .toList();
            TaskContext context = new TaskContext(
                    scenario.projectName(), scenario.brief(), architecture, inputs, files, 0, 0, feedback);
            return new TaskAssignment(
                    "p-" + scenario.directory(), task.taskId(), sprint, 1, task, context, "p/" + task.taskId() + "/1");
        }
    }

    private static List<TaskDefinition> inDependencyOrder(List<TaskDefinition> tasks) {
        Map<String, TaskDefinition> left = new LinkedHashMap<>();
        tasks.forEach(t -> left.put(t.taskId(), t));
        List<TaskDefinition> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!left.isEmpty()) {
            TaskDefinition next = left.values().stream()
                    .filter(t -> t.dependsOn().stream().allMatch(d -> placed.contains(d) || !left.containsKey(d)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no task is ready among " + left.keySet()));
            order.add(next);
            placed.add(next.taskId());
            left.remove(next.taskId());
        }
        return order;
    }

    /** A dependency cycle as "T4 -> T3 -> T4", like the orchestrator's rejection reason, or empty. */
    private static Optional<String> cycle(List<TaskDefinition> tasks) {
        Map<String, List<String>> dependsOn = new LinkedHashMap<>();
        tasks.forEach(t -> dependsOn.put(t.taskId(), t.dependsOn()));
        for (String start : dependsOn.keySet()) {
            Optional<String> found = walk(start, dependsOn, new ArrayList<>());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> walk(String id, Map<String, List<String>> dependsOn, List<String> path) {
        if (path.contains(id)) {
            return Optional.of(String.join(" -> ", path.subList(path.indexOf(id), path.size())) + " -> " + id);
        }
        path.add(id);
        for (String next : dependsOn.getOrDefault(id, List.of())) {
            Optional<String> found = walk(next, dependsOn, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.removeLast();
        return Optional.empty();
    }
}
