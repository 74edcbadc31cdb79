package dev.aios.orchestrator.agui;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AG-UI events this stream sends, with the protocol's field names (@ag-ui/core 1.0); {@code timestamp} is when the
 * event they stand for was stored, in milliseconds since the epoch, as every AG-UI SDK sets it.
 */
sealed interface AguiEvent {
    String PROTOCOL_VERSION = "1.0";

    long timestamp();

    /** The event as the JSON object of its {@code data:} line. */
    ObjectNode json();

    private static ObjectNode of(String type, long timestamp) {
        return JsonNodeFactory.instance.objectNode().put("type", type).put("timestamp", timestamp);
    }

    record RunStarted(long timestamp, String threadId, String runId) implements AguiEvent {
        @Override
        public ObjectNode json() {
            return of("RUN_STARTED", timestamp)
                    .put("threadId", threadId)
                    .put("runId", runId)
                    .put("protocolVersion", PROTOCOL_VERSION);
        }
    }

    /** The run ended without failing: {@code outcome} is {@code success} or {@code cancelled}. */
    record RunFinished(long timestamp, String threadId, String runId, String outcome, JsonNode result, ArrayNode usage)
            implements AguiEvent {
        @Override
        public ObjectNode json() {
            ObjectNode node =
                    of("RUN_FINISHED", timestamp).put("threadId", threadId).put("runId", runId);
            node.set("result", result);
            node.putObject("outcome").put("type", outcome);
            node.set("usage", usage);
            return node;
        }
    }

    record RunError(long timestamp, String message, String code, ArrayNode usage) implements AguiEvent {
        @Override
        public ObjectNode json() {
            ObjectNode node = of("RUN_ERROR", timestamp).put("message", message).put("code", code);
            node.set("usage", usage);
            return node;
        }
    }

    record StepStarted(long timestamp, String stepName) implements AguiEvent {
        @Override
        public ObjectNode json() {
            return of("STEP_STARTED", timestamp).put("stepName", stepName);
        }
    }

    record StepFinished(long timestamp, String stepName) implements AguiEvent {
        @Override
        public ObjectNode json() {
            return of("STEP_FINISHED", timestamp).put("stepName", stepName);
        }
    }

    record StateSnapshot(long timestamp, ObjectNode snapshot) implements AguiEvent {
        @Override
        public ObjectNode json() {
            ObjectNode node = of("STATE_SNAPSHOT", timestamp);
            node.set("snapshot", snapshot);
            return node;
        }
    }

    /** An RFC 6902 patch against the state after the previous snapshot and deltas. */
    record StateDelta(long timestamp, ArrayNode delta) implements AguiEvent {
        @Override
        public ObjectNode json() {
            ObjectNode node = of("STATE_DELTA", timestamp);
            node.set("delta", delta);
            return node;
        }
    }

    /** An AIOS fact AG-UI has no event for; {@code name} starts with {@code aios.}. */
    record Custom(long timestamp, String name, JsonNode value) implements AguiEvent {
        public Custom {
            requireNonNull(value, "value");
        }

        @Override
        public ObjectNode json() {
            ObjectNode node = of("CUSTOM", timestamp).put("name", name);
            node.set("value", value);
            return node;
        }
    }
}
