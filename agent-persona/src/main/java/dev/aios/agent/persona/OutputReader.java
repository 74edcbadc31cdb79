package dev.aios.agent.persona;

import tools.jackson.databind.JsonNode;

/** Maps the JSON object a model returned to a value, or says precisely what is wrong with it. */
@FunctionalInterface
public interface OutputReader<T> {
    T read(JsonNode json) throws InvalidOutputException;
}
