package dev.aios.router.cassette;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.BriefDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A recording of a run's model exchanges. {@code source} names the file it was read from; {@code recordedWith} says
 * what answered when it was made (live providers and their models), {@code label} what a person should know about it.
 */
public record Cassette(
        String source,
        int version,
        String recordedAt,
        String recordedWith,
        String label,
        Optional<RecordedProject> project,
        List<Exchange> exchanges) {
    public static final String FORMAT = "aios-cassette";
    public static final int VERSION = 1;

    public Cassette {
        requireNonNull(source, "source");
        requireNonNull(recordedAt, "recorded at");
        requireNonNull(recordedWith, "recorded with");
        requireNonNull(label, "label");
        requireNonNull(project, "project");
        exchanges = List.copyOf(exchanges);
    }

    /** Every brief this recording answers calls of. */
    public Set<String> briefDigests() {
        Set<String> briefs = new LinkedHashSet<>();
        project.ifPresent(p -> briefs.add(BriefDigest.of(p.brief())));
        exchanges.forEach(e -> briefs.add(e.briefDigest()));
        briefs.remove("");
        return briefs;
    }

    /** How messages name this recording: its label, else its file. */
    public String title() {
        return label.isBlank() ? source : label;
    }
}
