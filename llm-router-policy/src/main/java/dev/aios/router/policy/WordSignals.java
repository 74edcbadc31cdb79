package dev.aios.router.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts math, code, reasoning and writing cue words in one pass over lower-case text. A word table replaces
 * alternation regexes, which try every alternative at every character and made long prompts slow to route.
 */
record WordSignals(int math, int code, int reasoning, int writing) {

    private static final int MATH = 0, CODE = 1, REASONING = 2, WRITING = 3;
    private static final Map<String, Integer> WORDS = new HashMap<>();
    private static final String[][] STEMS = {
        {"design", "explain", "compar", "analy", "architect", "implicat", "justif", "evaluat", "deriv", "tradeoff"},
    };

    static {
        put(MATH, "calculate", "calculates", "calculating", "compute", "computes", "solve", "solves", "percent", "percentage",
                "probability", "total", "average", "remainder", "sum", "equation");
        put(CODE, "def", "class", "function", "return", "import", "public", "private", "void", "const", "let", "var",
                "lambda", "async", "await", "select", "insert", "struct", "interface", "fn");
        put(REASONING, "prove", "proves", "proving", "proof", "why");
        put(WRITING, "compose", "story", "poem", "blog", "essay", "email", "slogan", "rewrite", "roleplay", "pretend",
                "imagine");
    }

    private static void put(int category, String... words) {
        for (String w : words) {
            WORDS.put(w, category);
        }
    }

    static WordSignals of(String lower) {
        int[] counts = new int[4];
        String previous = "", beforePrevious = "";
        int i = 0, n = lower.length();
        while (i < n) {
            while (i < n && !isWordChar(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(lower.charAt(i))) {
                i++;
            }
            if (i == start) {
                break;
            }
            if (i - start > 16) {
                // identifiers and hashes: no cue word is this long
                beforePrevious = previous;
                previous = "";
                continue;
            }
            String word = lower.substring(start, i);
            Integer category = WORDS.get(word);
            if (category != null) {
                counts[category]++;
            } else if (startsWithStem(word)) {
                counts[REASONING]++;
            }
            phrases(beforePrevious, previous, word, counts);
            beforePrevious = previous;
            previous = word;
        }
        return new WordSignals(counts[MATH], counts[CODE], counts[REASONING], counts[WRITING]);
    }

    private static void phrases(String first, String second, String third, int[] counts) {
        if (second.equals("how") && (third.equals("many") || third.equals("much"))) {
            counts[MATH]++;
        } else if (second.equals("trade") && third.equals("off")) {
            counts[REASONING]++;
        } else if (second.equals("write") && (third.equals("a") || third.equals("an"))) {
            counts[WRITING]++;
        } else if (second.equals("role") && third.equals("play")) {
            counts[WRITING]++;
        } else if (third.equals("step") && second.equals("by") && first.equals("step")) {
            counts[REASONING]++;
        } else if (third.equals("cons") && second.equals("and") && first.equals("pros")) {
            counts[REASONING]++;
        }
    }

    private static boolean startsWithStem(String word) {
        for (String stem : STEMS[0]) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c > 127 && Character.isLetterOrDigit(c);
    }
}
