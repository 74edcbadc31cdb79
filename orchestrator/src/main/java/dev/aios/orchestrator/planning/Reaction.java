package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import java.time.Instant;

/**
 * One {@code When<Event>Then<Action>}: given the project's state and an incoming event, the events and commands to
 * emit, in order, with the state they lead to. Pure: the same state, event and time give the same decision, and the
 * state passed in is not changed.
 */
interface Reaction<E extends Message> {
    Decision decide(ProjectState state, E event, Instant now);
}
