package dev.aios.router.policy;

import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link RoutingRequest} into the fixed feature vector the complexity model scores. Text signals come
 * from the prompt alone (the offline data has nothing else); the request signals (role, task kind, hint,
 * estimate, files, expected output) are centred so that "unknown" contributes nothing.
 */
public final class RequestFeatures {

    /** Feature names in vector order; the model resource must name exactly these. */
    public static final List<String> NAMES = List.of(
            "prompt_tokens",
            "message_count",
            "question_marks",
            "digit_ratio",
            "math_operators",
            "equation",
            "latex",
            "math_phrases",
            "code_fence",
            "code_keywords",
            "stack_trace",
            "file_extensions",
            "reasoning_phrases",
            "multi_part",
            "choice_options",
            "long_word_ratio",
            "writing_phrases",
            "expected_output",
            "files_involved",
            "estimate_points",
            "complexity_hint",
            "role_cto",
            "task_reasoning",
            "task_code",
            "task_light");

    /** The request signals: the evaluation data carries none of them, so their weights are priors, not fitted. */
    public static final List<String> REQUEST_SIGNALS = NAMES.subList(NAMES.indexOf("expected_output"), NAMES.size());

    public static final int SIZE = NAMES.size();


    /** Text signals look at most at this many characters (about 8k tokens). */
    static final int MAX_SCANNED_CHARS = 32_768;

    private RequestFeatures() {}

    /** The feature vector, in {@link #NAMES} order. */
    public static double[] extract(RoutingRequest request) {
        String full = request.prompt();
        // text signals read a bounded prefix so that a huge prompt cannot make routing slow; length uses all of it
        String prompt = full.length() > MAX_SCANNED_CHARS ? full.substring(0, MAX_SCANNED_CHARS) : full;
        String lower = prompt.toLowerCase(Locale.ROOT);
        double[] x = new double[SIZE];
        TextCounts counts = TextCounts.of(prompt);
        WordSignals words = WordSignals.of(lower);
        x[0] = Math.log1p(full.length() / 4.0);
        x[1] = Math.log1p(Math.max(0, request.messageCount()));
        x[2] = Math.log1p(counts.questionMarks());
        x[3] = prompt.isEmpty() ? 0 : (double) counts.digits() / prompt.length();
        x[4] = Math.log1p(counts.operators());
        x[5] = TextScan.hasEquation(lower) ? 1 : 0;
        x[6] = TextScan.hasLatex(prompt) ? 1 : 0;
        x[7] = Math.log1p(words.math());
        x[8] = prompt.contains("```") ? 1 : 0;
        x[9] = Math.log1p(words.code() + occurrences(lower, "=>") + occurrences(lower, "};") + occurrences(lower, "#include"));
        x[10] = TextScan.hasStackTrace(lower) ? 1 : 0;
        x[11] = Math.log1p(TextScan.fileNames(lower));
        x[12] = Math.log1p(words.reasoning());
        x[13] = Math.log1p(TextScan.enumeratedLines(lower));
        x[14] = Math.log1p(TextScan.choiceLines(prompt));
        x[15] = counts.words() == 0 ? 0 : (double) counts.longWords() / counts.words();
        x[16] = Math.log1p(words.writing());
        x[17] = request.expectedOutputTokens() > 0 ? log2(request.expectedOutputTokens() / 1024.0) : 0;
        x[18] = Math.log1p(Math.max(0, request.filesInvolved()));
        x[19] = request.estimatePoints() > 0 ? log2(request.estimatePoints() / 3.0) : 0;
        x[20] = hintLevel(request.complexityHint());
        x[21] = "cto".equals(normalise(request.role())) ? 1 : 0;
        String kind = normalise(request.taskKind());
        x[22] = switch (kind) {
            case "planning", "sprint_planning", "architecture", "design", "sprint_review", "defect_fix", "review" -> 1;
            default -> 0;
        };
        x[23] = switch (kind) {
            case "code", "tests", "infra" -> 1;
            default -> 0;
        };
        x[24] = switch (kind) {
            case "docs", "summary", "summarize", "chat" -> 1;
            default -> 0;
        };
        return x;
    }

    /** {@code LOW}/{@code COMPLEXITY_LOW}/{@code easy} → -1, medium → 0, high/hard → +1, unknown → 0. */
    static double hintLevel(String hint) {
        String h = normalise(hint);
        if (h.startsWith("complexity_")) {
            h = h.substring("complexity_".length());
        }
        return switch (h) {
            case "low", "trivial", "easy", "simple" -> -1;
            case "high", "hard", "complex" -> 1;
            default -> 0;
        };
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** One pass over the characters for the signals a regex would only make slower. */
    private record TextCounts(int questionMarks, int digits, int operators, int words, int longWords) {
        static TextCounts of(String text) {
            int questions = 0, digits = 0, operators = 0, words = 0, longWords = 0, run = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    run++;
                    continue;
                }
                if (run > 0) {
                    words++;
                    if (run >= 9) {
                        longWords++;
                    }
                    run = 0;
                }
                if (c == '?') {
                    questions++;
                } else if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c == '=' || c == '+' || c == '*' || c == '/' || c == '^' || c == '%') {
                    operators++;
                }
            }
            if (run > 0) {
                words++;
                if (run >= 9) {
                    longWords++;
                }
            }
            return new TextCounts(questions, digits, operators, words, longWords);
        }
    }
}
