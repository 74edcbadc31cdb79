package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** The tools a call offers the model and, when the caller says so, how it must use them. */
public record Tools(List<ToolDefinition> definitions, Optional<ToolChoice> choice) {
    public static final Tools NONE = new Tools(List.of(), Optional.empty());

    public Tools {
        definitions = List.copyOf(definitions);
        requireNonNull(choice, "choice");
    }

    public boolean isEmpty() {
        return definitions.isEmpty() && choice.isEmpty();
    }
}
