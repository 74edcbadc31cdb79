package dev.aios.router.policy;

import java.util.Set;

/**
 * Hand-written scans for the structure of a task text: lines, list items, code, stack traces, error names, file
 * paths, identifiers and links. Each is one pass that looks only at the characters that can start a match, where a
 * regular expression would try every position.
 */
final class TextScan {
    private static final Set<String> EXTENSIONS = Set.of(
            "java", "kt", "py", "ts", "tsx", "js", "go", "rs", "c", "cpp", "h", "yaml", "yml", "json", "xml", "sql",
            "md", "proto", "sh", "toml", "gradle", "rst", "txt", "cfg", "ini", "html", "css", "pyx");

    private TextScan() {}

    /** Lines that hold something other than blanks. */
    static int lines(String text) {
        int count = 0;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count += content ? 1 : 0;
                content = false;
            } else if (c > ' ' && (c < 128 || !Character.isWhitespace(c))) {
                content = true;
            }
        }
        return count + (content ? 1 : 0);
    }

    /**
     * Lines of code or console output: inside a {@code ```} fence, indented by four spaces or a tab, or starting
     * with a prompt ({@code >>> }, {@code $ }).
     */
    static int codeLines(String text) {
        int count = 0;
        boolean fenced = false;
        for (int start = 0; start < text.length(); ) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int i = start;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
                i++;
            }
            if (text.startsWith("```", i)) {
                fenced = !fenced;
            } else if (i < end
                    && (fenced
                            || i - start >= 4
                            || text.charAt(start) == '\t'
                            || text.startsWith(">>> ", i)
                            || text.startsWith("$ ", i))) {
                count++;
            }
            start = end + 1;
        }
        return count;
    }

    /** A Python traceback, a JVM stack frame line ({@code at a.b.C(File.java:1)}), or a compiler/runtime error. */
    static boolean hasStackTrace(String lower) {
        if (lower.contains("traceback (most recent call last)")
                || lower.contains("exception in thread")
                || lower.contains("panicked at")
                || lower.contains(": error:")) {
            return true;
        }
        for (int nl = lower.indexOf('\n'); nl >= 0; nl = lower.indexOf('\n', nl + 1)) {
            int i = nl + 1;
            int indent = 0;
            while (i < lower.length() && (lower.charAt(i) == ' ' || lower.charAt(i) == '\t')) {
                i++;
                indent++;
            }
            if (indent > 0 && lower.startsWith("at ", i)) {
                int end = lower.indexOf('\n', i);
                int paren = lower.indexOf('(', i);
                if (paren > i + 3 && (end < 0 || paren < end)) {
                    return true;
                }
            }
            if (lower.startsWith("file \"", i)) {
                return true;
            }
        }
        return false;
    }

    /** Words ending in {@code Error}, {@code Exception} or {@code Warning} ({@code ValueError}, {@code IOException}). */
    static int errorNames(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            if (isUpper(text.charAt(start))
                    && i - start > 5
                    && (endsWith(text, i, "Error") || endsWith(text, i, "Exception") || endsWith(text, i, "Warning"))) {
                count++;
            }
        }
        return count;
    }

    /** File names with a source, config or docs extension ({@code src/Main.java}, {@code app.py}). */
    static int fileNames(String lower) {
        int count = 0;
        for (int dot = lower.indexOf('.'); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
            if (dot == 0 || !isWordChar(lower.charAt(dot - 1))) {
                continue;
            }
            int end = dot + 1;
            while (end < lower.length() && isWordChar(lower.charAt(end))) {
                end++;
            }
            if (end - dot - 1 >= 1 && end - dot - 1 <= 6 && EXTENSIONS.contains(lower.substring(dot + 1, end))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Names as code writes them: {@code snake_case}, {@code camelCase}, {@code dotted.names} and spans in
     * backticks. Words of prose have none of these shapes.
     */
    static int identifiers(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '`') {
                int close = text.indexOf('`', i + 1);
                int nl = text.indexOf('\n', i + 1);
                if (close > i + 1 && (nl < 0 || close < nl)) {
                    count++;
                    i = close + 1;
                } else {
                    i++;
                }
                continue;
            }
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean code = false;
            while (i < text.length()) {
                char d = text.charAt(i);
                if (d == '_'
                        && i > start
                        && i + 1 < text.length()
                        && isWordChar(text.charAt(i + 1))
                        && text.charAt(i + 1) != '_') {
                    code = true;
                } else if (d == '.' && i > start && i + 1 < text.length() && isLetter(text.charAt(i + 1))) {
                    code = true;
                } else if (isUpper(d) && i > start && isLower(text.charAt(i - 1))) {
                    code = true;
                } else if (!isWordChar(d)) {
                    break;
                }
                i++;
            }
            // "e.g" and "i.e" have the shape but are prose
            count += code && i - start >= 4 ? 1 : 0;
        }
        return count;
    }

    /** {@code http://} and {@code https://} links. */
    static int links(String lower) {
        int count = 0;
        for (int i = lower.indexOf("http"); i >= 0; i = lower.indexOf("http", i + 4)) {
            if (lower.startsWith("://", i + 4) || lower.startsWith("s://", i + 4)) {
                count++;
            }
        }
        return count;
    }

    /** Lines that start an enumerated part: {@code 1.}, {@code 2)}, {@code a.}, {@code b)}, {@code - }, {@code * }, {@code • }. */
    static int enumeratedLines(String lower) {
        int count = 0;
        for (int start = 0; start >= 0 && start < lower.length(); ) {
            int i = skipBlanks(lower, start);
            int j = i;
            while (j < lower.length() && isDigit(lower.charAt(j))) {
                j++;
            }
            boolean marker;
            if (j > i) {
                marker = j < lower.length() && (lower.charAt(j) == '.' || lower.charAt(j) == ')');
            } else if (i + 1 < lower.length() && lower.charAt(i) >= 'a' && lower.charAt(i) <= 'h') {
                j = i + 1;
                marker = lower.charAt(j) == '.' || lower.charAt(j) == ')';
            } else if (i + 1 < lower.length()
                    && (lower.charAt(i) == '-' || lower.charAt(i) == '*' || lower.charAt(i) == '•')) {
                j = i + 1;
                marker = lower.charAt(j) == ' ';
            } else {
                marker = false;
            }
            if (marker && hasTextAfter(lower, j + 1)) {
                count++;
            }
            int nl = lower.indexOf('\n', start);
            start = nl < 0 ? -1 : nl + 1;
        }
        return count;
    }

    private static boolean endsWith(String text, int end, String suffix) {
        return end - suffix.length() >= 0 && text.startsWith(suffix, end - suffix.length());
    }

    private static boolean hasTextAfter(String s, int from) {
        for (int i = from; i < s.length() && s.charAt(i) != '\n'; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return c < 128
                ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                : Character.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    private static boolean isUpper(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    private static boolean isLower(char c) {
        return c < 128 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }
}
