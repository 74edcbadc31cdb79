package dev.aios.router.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A fixed train / calibration / test partition: the fit sees train, the thresholds see calibration, the report sees test. */
record Split(List<Outcome> train, List<Outcome> calibration, List<Outcome> test) {
    static final double TRAIN = 0.5;
    static final double CALIBRATION = 0.2;

    Split {
        train = List.copyOf(train);
        calibration = List.copyOf(calibration);
        test = List.copyOf(test);
    }

    /** Shuffles with a seed derived from the dataset name, so every run and every machine gets the same split. */
    static Split of(Dataset dataset, long seed) {
        List<Outcome> shuffled = new ArrayList<>(dataset.outcomes());
        Collections.shuffle(shuffled, new Random(seed * 31 + dataset.name().hashCode()));
        int n = shuffled.size();
        int train = (int) Math.round(n * TRAIN);
        int calibration = (int) Math.round(n * CALIBRATION);
        return new Split(
                shuffled.subList(0, train),
                shuffled.subList(train, train + calibration),
                shuffled.subList(train + calibration, n));
    }
}
