package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.events.v1.AgentRole;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the planner decided: events to append, in order; some also go to an agent role as a command. {@code state} is
 * the project evolved by all of them, the state the next decision starts from.
 */
public record Decision(List<Output> outputs, ProjectState state) {
    public Decision {
        outputs = List.copyOf(outputs);
    }

    /** Nothing to do: the project stays in {@code state}. */
    static Decision none(ProjectState state) {
        return new Decision(List.of(), state);
    }

    public record Output(Message event, @Nullable AgentRole commandTo) {}

    public List<Message> events() {
        return outputs.stream().map(Output::event).toList();
    }

    public boolean isEmpty() {
        return outputs.isEmpty();
    }
}
