package dev.aios.router.cassette;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The submission a recording was made for, when the recorder knew it (the demo's {@code --record} does): enough to
 * submit the same project again, so that {@code --replay FILE} needs nothing else.
 */
public record RecordedProject(String name, String brief, long budgetMicros, Map<String, Integer> options) {
    public RecordedProject {
        requireNonNull(name, "name");
        requireNonNull(brief, "brief");
        options = Map.copyOf(options);
    }
}
