package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.events.v1.AgentRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The events one decision has emitted so far and the state they lead to: each is evolved into the state as it is
 * emitted, so what a reaction does next sees what it did before. Local to one decision; the state it starts from is
 * never changed.
 */
final class Emissions {
    private final Instant now;
    private final List<Decision.Output> outputs = new ArrayList<>();
    private ProjectState state;

    Emissions(ProjectState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    /** The project as the events emitted so far leave it. */
    ProjectState state() {
        return state;
    }

    /** When the decision is made (lease expiries count from it). */
    Instant now() {
        return now;
    }

    void emit(Message event) {
        emit(event, null);
    }

    /** Emits an event that also goes to {@code role} as a command. */
    void command(Message event, AgentRole role) {
        emit(event, role);
    }

    private void emit(Message event, @Nullable AgentRole commandTo) {
        state = ProjectState.evolve(state, event);
        outputs.add(new Decision.Output(event, commandTo));
    }

    Decision decision() {
        return new Decision(outputs, state);
    }
}
