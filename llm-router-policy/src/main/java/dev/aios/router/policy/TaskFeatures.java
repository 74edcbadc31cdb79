package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * The named signals the complexity model reads from a request: the task text's size and structure (from the
 * task section of a persona's prompt, {@link TaskText}, or the whole prompt), scope cues ({@link ScopeCues}), and
 * what AIOS knows about the task that a benchmark does not: acceptance criteria, dependencies, context size,
 * estimate, the CTO's complexity hint, role and task kind. Each value is centred so that "unknown" is 0 for the
 * request signals. The raw counts are kept for explanations.
 */
public final class TaskFeatures {

    /** Feature names in vector order; the model resource must name exactly these. */
    public static final List<String> NAMES = List.of(
            "task_tokens",
            "lines",
            "list_items",
            "code_lines",
            "stack_trace",
            "error_names",
            "file_paths",
            "code_identifiers",
            "links",
            "design_scope",
            "hard_debugging",
            "small_change",
            "acceptance_criteria",
            "dependencies",
            "context_tokens",
            "expected_output",
            "files_involved",
            "estimate_points",
            "complexity_hint",
            "role_cto",
            "task_reasoning",
            "task_light");

    public static final int SIZE = NAMES.size();

    /** The signals read from the task text alone: what the public outcome data (an issue's text) can fit. */
    public static final List<String> TEXT_SIGNALS = NAMES.subList(0, NAMES.indexOf("design_scope"));

    /** Scope cues: read from the text, but their weights are priors (see {@link ScopeCues}). */
    public static final List<String> SCOPE_SIGNALS =
            NAMES.subList(NAMES.indexOf("design_scope"), NAMES.indexOf("acceptance_criteria"));

    /** What AIOS knows about a task and a benchmark does not; hand-set priors. */
    public static final List<String> REQUEST_SIGNALS =
            NAMES.subList(NAMES.indexOf("acceptance_criteria"), NAMES.size());

    /**
     * Text signals read at most this many characters of the task text (about 2k tokens: 98.6 % of SWE-bench issues are
     * shorter); its length counts all of it. Bounds the cost of a decision on a prompt without a task heading.
     */
    static final int MAX_SCANNED_CHARS = 8_192;

    private TaskFeatures() {}

    /** The signals of one request: values in {@link #NAMES} order, and what each was computed from. */
    public record Signals(RoutingRequest request, double[] values, double[] counts, ScopeCues.Found cues) {
        public Signals {
            requireNonNull(request, "request");
        }

        public double value(int feature) {
            return values[feature];
        }

        /** What the signal saw, in words a person reads: "task text of 212 tokens", "design scope: 'architecture'". */
        public String describe(int feature) {
            double n = counts[feature];
            return switch (NAMES.get(feature)) {
                case "task_tokens" -> "task text of " + whole(n) + " tokens";
                case "lines" -> plural(n, "line of text", "lines of text");
                case "list_items" -> plural(n, "list item", "list items");
                case "code_lines" -> plural(n, "line of code or output", "lines of code or output");
                case "stack_trace" -> n > 0 ? "a stack trace" : "no stack trace";
                case "error_names" -> plural(n, "error or exception name", "error or exception names");
                case "file_paths" -> plural(n, "file path", "file paths");
                case "code_identifiers" -> plural(n, "code identifier", "code identifiers");
                case "links" -> plural(n, "link", "links");
                case "design_scope" -> cues("design scope", ScopeCues.Kind.DESIGN);
                case "hard_debugging" -> cues("hard-debugging cues", ScopeCues.Kind.HARD_DEBUGGING);
                case "small_change" -> cues("small-change cues", ScopeCues.Kind.SMALL_CHANGE);
                case "acceptance_criteria" -> plural(n, "acceptance criterion", "acceptance criteria");
                case "dependencies" -> plural(n, "dependency", "dependencies");
                case "context_tokens" -> "context of " + whole(n) + " tokens (brief, architecture, files)";
                case "expected_output" -> "up to " + whole(n) + " output tokens";
                case "files_involved" -> plural(n, "file involved", "files involved");
                case "estimate_points" -> "estimate " + whole(n) + " points";
                case "complexity_hint" ->
                    "complexity hint '" + request.complexityHint().strip().toLowerCase(Locale.ROOT) + "'";
                case "role_cto" -> "role cto";
                case "task_reasoning", "task_light" ->
                    "task kind '" + request.taskKind().strip().toLowerCase(Locale.ROOT) + "'";
                default -> NAMES.get(feature);
            };
        }

        private String cues(String label, ScopeCues.Kind kind) {
            List<String> examples = cues.examples(kind);
            if (examples.isEmpty()) {
                return "no " + label;
            }
            StringBuilder b = new StringBuilder(label).append(": ");
            for (int k = 0; k < examples.size(); k++) {
                b.append(k == 0 ? "" : ", ")
                        .append('\'')
                        .append(examples.get(k))
                        .append('\'');
            }
            int all = cues.count(kind);
            return all > examples.size()
                    ? b.append(" (").append(all).append(" in all)").toString()
                    : b.toString();
        }

        private static String whole(double n) {
            return String.format(Locale.ROOT, "%,d", Math.round(n));
        }

        private static String plural(double n, String one, String many) {
            long k = Math.round(n);
            return k == 0 ? "no " + many : k == 1 ? "1 " + one : whole(n) + " " + many;
        }
    }

    /** The feature vector, in {@link #NAMES} order. */
    public static double[] extract(RoutingRequest request) {
        return signals(request).values();
    }

    public static Signals signals(RoutingRequest request) {
        TaskText task = TaskText.of(request.prompt());
        // text signals read a bounded prefix of the task so that a huge prompt cannot make routing slow
        int scanned = Math.min(task.length(), MAX_SCANNED_CHARS);
        String text = request.prompt().substring(task.start(), task.start() + scanned);
        String lower = text.toLowerCase(Locale.ROOT);
        ScopeCues.Found cues = ScopeCues.scan(text, 0, text.length());
        double[] counts = new double[SIZE];
        counts[0] = task.length() / 4.0;
        counts[1] = TextScan.lines(text);
        counts[2] = TextScan.enumeratedLines(lower);
        counts[3] = TextScan.codeLines(text);
        counts[4] = TextScan.hasStackTrace(lower) ? 1 : 0;
        counts[5] = TextScan.errorNames(text);
        counts[6] = TextScan.fileNames(lower);
        counts[7] = TextScan.identifiers(text);
        counts[8] = TextScan.links(lower);
        counts[9] = cues.count(ScopeCues.Kind.DESIGN);
        counts[10] = cues.count(ScopeCues.Kind.HARD_DEBUGGING);
        counts[11] = cues.count(ScopeCues.Kind.SMALL_CHANGE);
        counts[12] = task.acceptanceCriteria();
        counts[13] = task.dependencies();
        counts[14] = task.contextChars() / 4.0;
        counts[15] = Math.max(0, request.expectedOutputTokens());
        counts[16] = Math.max(0, request.filesInvolved());
        counts[17] = Math.max(0, request.estimatePoints());
        double[] x = new double[SIZE];
        for (int i = 0; i <= 11; i++) {
            x[i] = i == 4 ? counts[i] : Math.log1p(counts[i]);
        }
        // the request signals are 0 when unknown (a prompt without a task briefing has no criteria or context to
        // count) and 0 for a typical task: three criteria, one dependency, 4k tokens of context
        x[12] = task.structured() ? log2((counts[12] + 1) / 4) : 0;
        x[13] = task.structured() ? log2((counts[13] + 1) / 2) : 0;
        x[14] = task.structured() && counts[14] > 0 ? log2(counts[14] / 4096) : 0;
        x[15] = counts[15] > 0 ? log2(counts[15] / 1024) : 0;
        x[16] = Math.log1p(counts[16]);
        x[17] = counts[17] > 0 ? log2(counts[17] / 3) : 0;
        x[18] = hintLevel(request.complexityHint());
        counts[18] = x[18];
        x[19] = "cto".equals(normalise(request.role())) ? 1 : 0;
        String kind = normalise(request.taskKind());
        // code, tests, infra and defect fixes are the reference kinds: the data the model is fitted on is of that kind
        x[20] = switch (kind) {
            case "plan", "planning", "sprint_planning", "architecture", "design", "sprint_review", "review" -> 1;
            default -> 0;
        };
        x[21] = switch (kind) {
            case "docs", "summary", "summarize", "chat" -> 1;
            default -> 0;
        };
        counts[19] = x[19];
        counts[20] = x[20];
        counts[21] = x[21];
        return new Signals(request, x, counts, cues);
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

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
