package dev.aios.router.budget;

import static java.util.Objects.requireNonNull;

/** Money held for one running call until it is settled with its real cost or released. */
public record Reservation(String projectId, String id, long amountMicros) {
    public Reservation {
        requireNonNull(projectId, "project id");
        requireNonNull(id, "reservation id");
        if (amountMicros < 0) {
            throw new IllegalArgumentException("a reservation cannot be negative: " + amountMicros);
        }
    }
}
