package dev.aios.orchestrator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reactions and {@link ProjectState#evolve} against the planner and fold they replaced ({@link PreviousPlanner}),
 * over generated runs: the same messages give the same events, field by field and in the same order, and the same
 * state, and no decision changes the state it was given.
 */
class PreviousPlannerEquivalenceTest {
    static final int RUNS = 200;
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final PlannerSettings SETTINGS = new PlannerSettings(8, 5, 2, 3, 200, 200, 8000, Duration.ofMinutes(10));

    @Test
    void everyGeneratedRunDecidesTheSameEventsAndStatesAsThePreviousPlanner() {
        var planner = new SprintPlanner(SETTINGS);
        var previous = new PreviousPlanner.Planner(SETTINGS);
        Set<Class<?>> emitted = new HashSet<>();
        Set<ProjectStatus> endings = new HashSet<>();
        for (long seed = 0; seed < RUNS; seed++) {
            // given
            var run = new GeneratedRuns(seed);
            var history = new ArrayList<Message>();
            ProjectState state = ProjectState.initial();
            var previousState = new PreviousPlanner.State();
            for (Message incoming = run.next(); incoming != null && history.size() < 5_000; incoming = run.next()) {
                List<Object> before = snapshot(state);
                // when
                Decision decision = planner.decide(state, incoming, NOW);
                List<Decision.Output> expected = previous.decide(previousState, incoming, NOW);
                // then
                assertThat(decision.outputs())
                        .as("run %d, after %d events, on %s", seed, history.size(), incoming)
                        .isEqualTo(expected);
                assertThat(snapshot(decision.state()))
                        .as("run %d: state after the decision", seed)
                        .isEqualTo(snapshot(previousState));
                assertThat(snapshot(state))
                        .as("run %d: the state decided on is unchanged", seed)
                        .isEqualTo(before);
                state = decision.state();
                history.addAll(decision.events());
                decision.outputs().forEach(run::answer);
                decision.events().forEach(e -> emitted.add(e.getClass()));
            }
            assertThat(snapshot(ProjectState.from(history)))
                    .as("run %d: the stream folded at once", seed)
                    .isEqualTo(snapshot(state));
            endings.add(state.status());
        }
        // the runs went everywhere the planner can go
        assertThat(endings).contains(ProjectStatus.DELIVERED, ProjectStatus.STOPPED, ProjectStatus.FAILED);
        assertThat(emitted)
                .contains(
                        BacklogRejected.class,
                        TaskAbandoned.class,
                        TaskLeaseExpired.class,
                        ProjectPaused.class,
                        ProjectResumed.class,
                        SprintReviewed.class,
                        TaskFailed.class,
                        TaskStarted.class,
                        LlmCallCompleted.class);
    }

    @Test
    void evolvingEventByEventRebuildsEveryStateThePreviousFoldDid() {
        for (long seed = 0; seed < RUNS; seed++) {
            // given: a run's stream, as the orchestrator recorded it
            List<Message> stream = recorded(seed);
            ProjectState state = ProjectState.initial();
            var previous = new PreviousPlanner.State();
            for (Message event : stream) {
                // when
                state = ProjectState.evolve(state, event);
                previous.apply(event);
                // then
                assertThat(snapshot(state))
                        .as("run %d after %s", seed, event.getClass().getSimpleName())
                        .isEqualTo(snapshot(previous));
            }
        }
    }

    @Test
    void evolvingOneStateTwoWaysLeavesItAndEachOtherAlone() {
        // given
        List<Message> stream = recorded(7);
        ProjectState half = ProjectState.from(stream.subList(0, stream.size() / 2));
        List<Object> halfBefore = snapshot(half);
        // when
        ProjectState rest = ProjectState.from(stream);
        ProjectState other = half;
        for (Message event : recorded(8)) {
            other = ProjectState.evolve(other, event);
        }
        ProjectState again = half;
        for (Message event : stream.subList(stream.size() / 2, stream.size())) {
            again = ProjectState.evolve(again, event);
        }
        // then
        assertThat(snapshot(half)).isEqualTo(halfBefore);
        assertThat(snapshot(again)).isEqualTo(snapshot(rest));
        assertThat(other.version()).isEqualTo(half.version() + recorded(8).size());
    }

    static List<Message> recorded(long seed) {
        var planner = new SprintPlanner(SETTINGS);
        var run = new GeneratedRuns(seed);
        var stream = new ArrayList<Message>();
        ProjectState state = ProjectState.initial();
        for (Message incoming = run.next(); incoming != null && stream.size() < 5_000; incoming = run.next()) {
            Decision decision = planner.decide(state, incoming, NOW);
            state = decision.state();
            stream.addAll(decision.events());
            decision.outputs().forEach(run::answer);
        }
        return stream;
    }

    static List<Object> snapshot(ProjectState s) {
        var tasks = new ArrayList<Object>();
        s.tasks()
                .forEach((id, t) -> tasks.add(Arrays.asList(
                        id,
                        t.spec(),
                        t.status(),
                        t.sprint(),
                        t.attempt(),
                        t.leaseId(),
                        t.agentId(),
                        t.summary(),
                        t.paths())));
        return Arrays.asList(
                s.projectId(),
                s.name(),
                s.brief(),
                s.tenant(),
                s.submittedBy(),
                s.options(),
                s.status(),
                s.pausedFrom(),
                s.budgetMicros(),
                s.spentMicros(),
                s.planAttempt(),
                s.architectureNotes(),
                s.lastProposal(),
                tasks,
                s.currentSprint(),
                s.sprintOpen(),
                s.tasksCompleted(),
                s.tasksAbandoned(),
                s.stopReason(),
                s.version(),
                s.tasksTotal(),
                s.pathsOfEarlierSprints());
    }

    static List<Object> snapshot(PreviousPlanner.State s) {
        var tasks = new ArrayList<Object>();
        s.tasks.forEach((id, t) -> tasks.add(
                Arrays.asList(id, t.spec, t.status, t.sprint, t.attempt, t.leaseId, t.agentId, t.summary, t.paths)));
        return Arrays.asList(
                s.projectId,
                s.name,
                s.brief,
                s.tenant,
                s.submittedBy,
                s.options,
                s.status,
                s.pausedFrom,
                s.budgetMicros,
                s.spentMicros,
                s.planAttempt,
                s.architectureNotes,
                s.lastProposal,
                tasks,
                s.currentSprint,
                s.sprintOpen,
                s.tasksCompleted,
                s.tasksAbandoned,
                s.stopReason,
                s.version,
                s.tasksTotal(),
                s.pathsOfEarlierSprints());
    }
}
