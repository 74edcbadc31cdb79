package dev.aios.router.evaluation;

import java.util.List;

/** A two-model outcome table after decontamination, with what was removed and why the pair was chosen. */
record Dataset(
        String name,
        String strongModel,
        String weakModel,
        List<Outcome> outcomes,
        int loaded,
        int contaminated,
        String note) {
    Dataset {
        outcomes = List.copyOf(outcomes);
    }
}
