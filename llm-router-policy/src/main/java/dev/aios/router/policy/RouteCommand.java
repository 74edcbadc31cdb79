package dev.aios.router.policy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./aios route [--role R] [--kind K] [--points N] [--hint H] [--json] PROMPT}: the tier the shipped model
 * picks for a prompt, with its score, thresholds and reasons. Offline: no Spring, no network, no model call.
 * {@code -} as the prompt reads it from standard input.
 */
public final class RouteCommand {

    static final String USAGE =
            "usage: ./aios route [--role R] [--kind K] [--points N] [--hint low|medium|high] [--json] PROMPT|-";

    private RouteCommand() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int status;
        try {
            Options options = Options.parse(args);
            String prompt = options.prompt().equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : options.prompt();
            status = run(options, prompt, ComplexityRoutingPolicy.withDefaults(), out);
        } catch (IllegalArgumentException e) {
            System.err.println("route: " + e.getMessage());
            status = 2;
        } catch (IllegalStateException e) {
            System.err.println("route: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    static int run(Options options, String prompt, ComplexityRoutingPolicy policy, PrintStream out) {
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("the prompt is empty; " + USAGE);
        }
        RoutingRequest request = new RoutingRequest(
                options.role(),
                options.kind(),
                options.hint(),
                options.points(),
                prompt,
                1,
                0,
                0,
                Optional.empty(),
                Optional.empty());
        Explanation explanation = policy.explain(request);
        out.print(options.json() ? json(explanation) : text(explanation, policy.model()));
        return 0;
    }

    static String text(Explanation e, ComplexityModel model) {
        RoutingDecision d = e.decision();
        StringBuilder b = new StringBuilder();
        b.append("tier        ").append(d.tier().id());
        if (d.tier() != e.scored()) {
            b.append(" (the score alone chose ").append(e.scored().id()).append(')');
        }
        b.append('\n');
        b.append(String.format(
                Locale.ROOT,
                "score       %.3f   thresholds: gpt from %.3f, claude from %.3f%n",
                d.score(),
                e.thresholds().gpt(),
                e.thresholds().claude()));
        b.append("model       ")
                .append(e.model())
                .append("; licence: ")
                .append(model.license())
                .append('\n');
        b.append("reasons     contribution to the score's logit; fitted = learned from outcomes, prior = judgement\n");
        if (e.signals().isEmpty()) {
            b.append("            (no signal moved the score: the prompt looks like an average task)\n");
        }
        for (Explanation.Signal s : e.signals()) {
            b.append(String.format(
                    Locale.ROOT, "  %+6.2f    %-70s %s%n", s.contribution(), s.description(), s.source()));
        }
        for (String rule : e.rules()) {
            b.append("rule        ").append(rule).append('\n');
        }
        return b.toString();
    }

    static String json(Explanation e) {
        RoutingDecision d = e.decision();
        StringBuilder b = new StringBuilder("{");
        b.append("\"tier\":").append(quote(d.tier().id()));
        b.append(",\"scored_tier\":").append(quote(e.scored().id()));
        b.append(",\"score\":").append(number(d.score()));
        b.append(",\"thresholds\":{\"gpt\":")
                .append(number(e.thresholds().gpt()))
                .append(",\"claude\":")
                .append(number(e.thresholds().claude()))
                .append('}');
        b.append(",\"model\":").append(quote(e.model()));
        b.append(",\"overridden\":")
                .append(d.overridden())
                .append(",\"downgraded\":")
                .append(d.downgraded());
        b.append(",\"reasons\":[");
        for (int k = 0; k < e.signals().size(); k++) {
            Explanation.Signal s = e.signals().get(k);
            b.append(k == 0 ? "" : ",")
                    .append("{\"signal\":")
                    .append(quote(s.name()))
                    .append(",\"description\":")
                    .append(quote(s.description()))
                    .append(",\"value\":")
                    .append(number(s.value()))
                    .append(",\"contribution\":")
                    .append(number(s.contribution()))
                    .append(",\"source\":")
                    .append(quote(s.source()))
                    .append('}');
        }
        b.append("],\"rules\":[");
        for (int k = 0; k < e.rules().size(); k++) {
            b.append(k == 0 ? "" : ",").append(quote(e.rules().get(k)));
        }
        b.append("],\"reason\":").append(quote(d.reason())).append("}\n");
        return b.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The parsed command line; every problem is an {@link IllegalArgumentException} with one readable line. */
    record Options(String role, String kind, String hint, int points, boolean json, String prompt) {
        static Options parse(String[] args) {
            String role = "", kind = "", hint = "";
            int points = 0;
            boolean json = false;
            List<String> prompts = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--json" -> json = true;
                    case "--role", "--kind", "--points", "--hint" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
                        }
                        String value = args[++i];
                        switch (arg) {
                            case "--role" -> role = value;
                            case "--kind" -> kind = value;
                            case "--hint" -> hint = hint(value);
                            default -> points = points(value);
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
                        }
                        prompts.add(arg);
                    }
                }
            }
            if (prompts.size() != 1) {
                throw new IllegalArgumentException(
                        (prompts.isEmpty() ? "no prompt given" : "give the prompt as one argument (quote it)") + "; "
                                + USAGE);
            }
            return new Options(role, kind, hint, points, json, prompts.getFirst());
        }

        private static String hint(String value) {
            if (!value.strip().matches("(?i)low|medium|high")) {
                throw new IllegalArgumentException("--hint must be low, medium or high, got '" + value + "'");
            }
            return value;
        }

        private static int points(String value) {
            try {
                int points = Integer.parseInt(value);
                if (points < 0) {
                    throw new IllegalArgumentException("--points must not be negative, got " + value);
                }
                return points;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--points needs a whole number, got '" + value + "'");
            }
        }
    }
}
