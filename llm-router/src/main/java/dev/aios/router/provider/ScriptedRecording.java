package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One recordings file: {@code {"scenario": "...", "entries": [{"match": {"role", "taskId", "promptContains"},
 * "response", "inputTokens", "outputTokens"}]}}. Absent match fields match anything.
 */
public record ScriptedRecording(String scenario, List<Entry> entries) {
    public ScriptedRecording {
        requireNonNull(scenario, "scenario");
        entries = List.copyOf(entries);
    }

    public record Entry(
            Optional<String> role,
            Optional<String> taskId,
            Optional<String> promptContains,
            String response,
            long inputTokens,
            long outputTokens) {
        public Entry {
            requireNonNull(response, "response");
        }

        boolean matches(ProviderRequest request) {
            return role.map(r -> r.equals(request.metadata().role())).orElse(true)
                    && taskId.map(t -> t.equals(request.metadata().taskId())).orElse(true)
                    && promptContains.map(p -> request.lastUserMessage().contains(p)).orElse(true);
        }
    }
}
