package dev.aios.router.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A frozen train / calibration / test partition of the SWE-bench Verified issues: the fit sees train, model choice
 * and thresholds see calibration, the report sees test. Two rules, both seeded and written down:
 * <ul>
 *   <li>{@code random}: the ids in sorted order, shuffled with {@code java.util.Random(seed)}, then 50 / 20 / 30 %;</li>
 *   <li>{@code repository}: whole repositories, so test holds only code bases the fit never saw. Django (46 % of the
 *   issues) stays in train, or train would be tiny; the other repositories, in name order shuffled with
 *   {@code Random(seed)}, go to test until it holds 30 % of the issues, then to calibration until it holds 20 %,
 *   and the rest to train.</li>
 * </ul>
 * The resulting ids are committed in {@link #RESOURCE}; every run derives them again and stops if they differ, so
 * a change of data or rule cannot move an issue between train and test unnoticed.
 */
record SweSplit(String name, List<SweTask> train, List<SweTask> calibration, List<SweTask> test) {

    static final String RESOURCE = "/dev/aios/router/evaluation/swebench-splits.properties";
    static final String ANCHOR_REPO = "django/django";
    static final double TRAIN = 0.5, CALIBRATION = 0.2, TEST = 0.3;

    SweSplit {
        requireNonNull(name, "name");
        train = List.copyOf(train);
        calibration = List.copyOf(calibration);
        test = List.copyOf(test);
    }

    static SweSplit random(List<SweTask> tasks, long seed) {
        List<SweTask> shuffled = new ArrayList<>(tasks);
        shuffled.sort((a, b) -> a.id().compareTo(b.id()));
        Collections.shuffle(shuffled, new Random(seed));
        int n = shuffled.size();
        int train = (int) Math.round(n * TRAIN), calibration = (int) Math.round(n * CALIBRATION);
        return new SweSplit(
                "random",
                shuffled.subList(0, train),
                shuffled.subList(train, train + calibration),
                shuffled.subList(train + calibration, n));
    }

    static SweSplit byRepository(List<SweTask> tasks, long seed) {
        Map<String, List<SweTask>> byRepo = new TreeMap<>(tasks.stream().collect(Collectors.groupingBy(SweTask::repo)));
        List<String> repos = new ArrayList<>(byRepo.keySet());
        repos.remove(ANCHOR_REPO);
        Collections.shuffle(repos, new Random(seed));
        List<SweTask> train = new ArrayList<>(byRepo.getOrDefault(ANCHOR_REPO, List.of()));
        List<SweTask> calibration = new ArrayList<>(), test = new ArrayList<>();
        for (String repo : repos) {
            List<SweTask> part = byRepo.get(repo);
            if (test.size() < TEST * tasks.size()) {
                test.addAll(part);
            } else if (calibration.size() < CALIBRATION * tasks.size()) {
                calibration.addAll(part);
            } else {
                train.addAll(part);
            }
        }
        return new SweSplit("repository", sorted(train), sorted(calibration), sorted(test));
    }

    /** Both splits, checked against the committed ids ({@link #RESOURCE}, or the file given). */
    static List<SweSplit> frozen(List<SweTask> tasks, long seed, @Nullable Path file) throws IOException {
        List<SweSplit> splits = List.of(random(tasks, seed), byRepository(tasks, seed));
        Properties committed = file == null ? committed() : read(file);
        String source = file == null ? RESOURCE : file.toString();
        for (SweSplit split : splits) {
            for (Map.Entry<String, List<SweTask>> part : split.parts().entrySet()) {
                String key = split.name() + "." + part.getKey();
                String ids = part.getValue().stream().map(SweTask::id).sorted().collect(Collectors.joining(","));
                if (!ids.equals(committed.getProperty(key, "").strip())) {
                    throw new IllegalStateException("the " + key + " ids derived from the data with seed " + seed
                            + " differ from the committed ones in " + source
                            + ": the data, the rule or the seed changed");
                }
            }
        }
        return splits;
    }

    Map<String, List<SweTask>> parts() {
        Map<String, List<SweTask>> parts = new LinkedHashMap<>();
        parts.put("train", train);
        parts.put("calibration", calibration);
        parts.put("test", test);
        return parts;
    }

    /** The properties text of {@link #RESOURCE} for these splits. */
    static String write(List<SweSplit> splits, long seed) {
        StringBuilder b = new StringBuilder();
        b.append("# Frozen SWE-bench Verified splits (instance ids), derived by SweSplit's rules with seed ")
                .append(seed)
                .append(".\n");
        b.append(
                "# Regenerate only with RouterEvaluation --write-splits; a change moves issues between train and test.\n");
        for (SweSplit split : splits) {
            for (Map.Entry<String, List<SweTask>> part : split.parts().entrySet()) {
                String repos = part.getValue().stream()
                        .collect(Collectors.groupingBy(SweTask::repo, TreeMap::new, Collectors.counting()))
                        .toString();
                b.append("# ")
                        .append(split.name())
                        .append('.')
                        .append(part.getKey())
                        .append(": ")
                        .append(part.getValue().size())
                        .append(" issues ")
                        .append(repos)
                        .append('\n');
                b.append(split.name())
                        .append('.')
                        .append(part.getKey())
                        .append('=')
                        .append(part.getValue().stream()
                                .map(SweTask::id)
                                .sorted()
                                .collect(Collectors.joining(",")))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static Properties committed() {
        try (InputStream in = SweSplit.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing: write it with RouterEvaluation --write-splits");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static List<SweTask> sorted(List<SweTask> tasks) {
        return tasks.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
