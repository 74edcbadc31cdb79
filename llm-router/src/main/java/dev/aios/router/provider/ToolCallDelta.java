package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

/**
 * A piece of a streamed tool call, as OpenAI streams it: the call's position among the answer's tool calls, its id and
 * function name (on the first piece only, empty after) and the next fragment of its JSON arguments.
 */
public record ToolCallDelta(int index, String id, String name, String argumentsFragment) {
    public ToolCallDelta {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(argumentsFragment, "arguments fragment");
    }

    public boolean starts() {
        return !id.isEmpty();
    }
}
