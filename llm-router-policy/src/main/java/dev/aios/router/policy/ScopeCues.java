package dev.aios.router.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Words and two-word phrases an engineer reads as the size of a software task: system design ("architecture",
 * "event sourcing"), hard debugging ("race condition", "intermittent") and small changes ("rename", "typo").
 * The lists are short and specific on purpose: no stop word and no word common in ordinary bug reports is on them,
 * so every cue they find can be named in an explanation. Their weights are priors (judgement), not fitted: the
 * public outcome data holds bug reports of one size only (see docs/router-evaluation.md).
 */
final class ScopeCues {

    enum Kind {
        DESIGN,
        HARD_DEBUGGING,
        SMALL_CHANGE
    }

    /** Counts per kind and the first few distinct cues of each kind, in order of appearance. */
    record Found(int[] counts, List<List<String>> examples) {
        int count(Kind kind) {
            return counts[kind.ordinal()];
        }

        List<String> examples(Kind kind) {
            return examples.get(kind.ordinal());
        }
    }

    static final int EXAMPLES = 3;

    /** A cue of one kind and the words an explanation shows for it. */
    private record Cue(Kind kind, String label) {}

    /** A phrase of two or three words: the words before the last one, and the cue. */
    private record Phrase(String[] before, Cue cue) {}

    private static final Map<String, Cue> WORDS = new HashMap<>();
    /** Phrases by their last word, so that a word that ends no phrase costs one lookup and no string building. */
    private static final Map<String, List<Phrase>> PHRASES = new HashMap<>();

    static {
        words(
                Kind.DESIGN,
                "architecture",
                "architectural",
                "redesign",
                "rearchitect",
                "distributed",
                "microservice",
                "microservices",
                "multitenant",
                "scalability",
                "sharding",
                "replication",
                "failover",
                "subsystem",
                "subsystems",
                "tradeoff",
                "tradeoffs",
                "orchestration");
        phrases(
                Kind.DESIGN,
                "system design",
                "event sourcing",
                "data model",
                "multi tenant",
                "message queue",
                "high availability",
                "trade off",
                "trade offs",
                "zero downtime",
                "api design",
                "schema design",
                "eventual consistency");
        // "design" alone is also a noun in bug reports ("the design of the legend"); as a verb before an article it
        // asks for a design, and the explanation shows only "design"
        for (String article : new String[] {"a", "an", "the"}) {
            phrase("design " + article, new Cue(Kind.DESIGN, "design"));
        }
        words(
                Kind.HARD_DEBUGGING,
                "deadlock",
                "deadlocks",
                "livelock",
                "intermittent",
                "intermittently",
                "flaky",
                "flakiness",
                "nondeterministic",
                "heisenbug",
                "segfault",
                "corruption",
                "corrupted",
                "hangs",
                "starvation");
        phrases(
                Kind.HARD_DEBUGGING,
                "race condition",
                "race conditions",
                "memory leak",
                "non deterministic",
                "only in production",
                "cannot reproduce",
                "root cause",
                "under load",
                "data loss",
                "thread safety");
        words(
                Kind.SMALL_CHANGE,
                "rename",
                "renaming",
                "typo",
                "typos",
                "spelling",
                "misspelled",
                "misspelling",
                "wording",
                "bump",
                "trivial",
                "cosmetic",
                "readme",
                "changelog",
                "docstring",
                "indentation",
                "whitespace");
        phrases(Kind.SMALL_CHANGE, "one line", "log message", "version number");
    }

    private ScopeCues() {}

    /** Scans the words of {@code text} from {@code start} to {@code end} once; {@code text} may be in any case. */
    static Found scan(String text, int start, int end) {
        int[] counts = new int[Kind.values().length];
        List<List<String>> examples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String previous = "", beforePrevious = "";
        int i = start;
        while (i < end) {
            while (i < end && !isWordChar(text.charAt(i))) {
                i++;
            }
            int from = i;
            while (i < end && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i == from) {
                break;
            }
            if (i - from > 20) {
                // identifiers and hashes: no cue is this long
                beforePrevious = previous;
                previous = "";
                continue;
            }
            String word = lower(text, from, i);
            Cue cue = WORDS.get(word);
            if (cue == null) {
                cue = phraseEndingIn(word, previous, beforePrevious);
            }
            if (cue != null) {
                counts[cue.kind().ordinal()]++;
                List<String> seen = examples.get(cue.kind().ordinal());
                if (seen.size() < EXAMPLES && !seen.contains(cue.label())) {
                    seen.add(cue.label());
                }
            }
            beforePrevious = previous;
            previous = word;
        }
        return new Found(counts, examples);
    }

    private static @Nullable Cue phraseEndingIn(String word, String previous, String beforePrevious) {
        List<Phrase> candidates = PHRASES.get(word);
        if (candidates == null) {
            return null;
        }
        for (Phrase p : candidates) {
            String[] before = p.before();
            if (before.length == 1
                    ? before[0].equals(previous)
                    : before[1].equals(previous) && before[0].equals(beforePrevious)) {
                return p.cue();
            }
        }
        return null;
    }

    private static String lower(String text, int from, int to) {
        char[] chars = new char[to - from];
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            chars[k - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c < 128 ? c : Character.toLowerCase(c);
        }
        return new String(chars);
    }

    private static void words(Kind kind, String... words) {
        for (String w : words) {
            WORDS.put(w, new Cue(kind, w));
        }
    }

    private static void phrases(Kind kind, String... phrases) {
        for (String p : phrases) {
            phrase(p, new Cue(kind, p));
        }
    }

    private static void phrase(String phrase, Cue cue) {
        String[] words = phrase.split(" ");
        PHRASES.computeIfAbsent(words[words.length - 1], k -> new ArrayList<>())
                .add(new Phrase(Arrays.copyOf(words, words.length - 1), cue));
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c > 127 && Character.isLetterOrDigit(c);
    }
}
