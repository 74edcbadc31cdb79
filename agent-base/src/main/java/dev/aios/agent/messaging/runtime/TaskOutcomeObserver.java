package dev.aios.agent.messaging.runtime;

import dev.aios.agent.Role;

/** Told of every outcome an agent published (after the broker confirmed it): {@code completed} or {@code failed}. */
@FunctionalInterface
public interface TaskOutcomeObserver {
    TaskOutcomeObserver NONE = (role, outcome) -> {};

    void observed(Role role, String outcome);
}
