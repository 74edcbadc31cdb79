package dev.aios.standalone.scenario;

import static java.util.Objects.requireNonNull;

/**
 * A request the scenario server understood: which scenario's brief, which persona asks, for which call ({@code plan-1},
 * {@code T3}, {@code D1-1}), whether it is a task's redo after a person rejected its changeset, and whether it is the
 * one repair request after an unusable answer.
 */
record RecognizedCall(String scenario, String role, String call, boolean redo, boolean repair) {
    RecognizedCall {
        requireNonNull(scenario, "scenario");
        requireNonNull(role, "role");
        requireNonNull(call, "call");
    }

    /** Where the authored answer lives, relative to the scenario's answer directory. */
    String answerFile() {
        return role + "/" + call + (redo ? ".redo" : "") + (repair ? ".repair" : "") + ".json";
    }

    String describe() {
        return "scenario '" + scenario + "', " + role + " " + (repair ? "repair of " : "") + (redo ? "redo of " : "")
                + call;
    }
}
