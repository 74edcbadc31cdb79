package dev.aios.router.policy;

import java.util.Set;

/**
 * Hand-written scans for the structural text signals. Each visits only the characters that can start a match
 * (operators, dots, line starts), where a regular expression would try every position of the prompt.
 */
final class TextScan {
    private static final Set<String> EXTENSIONS = Set.of("java", "kt", "py", "ts", "tsx", "js", "go", "rs", "c", "cpp",
            "h", "yaml", "yml", "json", "xml", "sql", "md", "proto", "sh", "toml", "gradle");

    private TextScan() {}

    /** A digit-operator-digit expression ({@code 4 * 5}) or a variable assignment ({@code x = 3}). */
    static boolean hasEquation(String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '=' && letterBefore(lower, i) && digitAfter(lower, i)) {
                return true;
            }
            if ((c == '+' || c == '-' || c == '*' || c == '/' || c == '^' || c == 'x' || c == '×' || c == '÷')
                    && isDigit(charBefore(lower, i)) && digitAfter(lower, i)) {
                return true;
            }
        }
        return false;
    }

    /** LaTeX commands such as {@code \frac} or short {@code $...$} spans. */
    static boolean hasLatex(String text) {
        for (String command : new String[] {"\\frac", "\\sqrt", "\\sum", "\\int", "\\cdot", "\\times", "\\begin", "\\left",
                "\\pi", "\\alpha", "\\theta"}) {
            if (text.contains(command)) {
                return true;
            }
        }
        int open = text.indexOf('$');
        while (open >= 0) {
            int close = text.indexOf('$', open + 1);
            if (close < 0) {
                return false;
            }
            int newline = text.indexOf('\n', open + 1);
            if (close - open > 1 && close - open <= 81 && (newline < 0 || newline > close)) {
                return true;
            }
            open = close;
        }
        return false;
    }

    /** A Python traceback, a JVM stack frame line ({@code at a.b.C(File.java:1)}), or a compiler/runtime error. */
    static boolean hasStackTrace(String lower) {
        if (lower.contains("traceback (most recent call last)") || lower.contains("exception in thread")
                || lower.contains("error:") || lower.contains("panicked at")) {
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
        }
        return false;
    }

    /** File names with a source or config extension ({@code src/Main.java}, {@code app.py}). */
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
            } else if (i + 1 < lower.length() && (lower.charAt(i) == '-' || lower.charAt(i) == '*' || lower.charAt(i) == '•')) {
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

    /** Lines that start a multiple-choice option: {@code A. } to {@code D) }. */
    static int choiceLines(String text) {
        int count = 0;
        for (int start = 0; start >= 0 && start < text.length(); ) {
            int i = skipBlanks(text, start);
            if (i + 2 < text.length() && text.charAt(i) >= 'A' && text.charAt(i) <= 'D'
                    && (text.charAt(i + 1) == '.' || text.charAt(i + 1) == ')') && Character.isWhitespace(text.charAt(i + 2))) {
                count++;
            }
            int nl = text.indexOf('\n', start);
            start = nl < 0 ? -1 : nl + 1;
        }
        return count;
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

    private static boolean letterBefore(String s, int i) {
        int j = i - 1;
        while (j >= 0 && s.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 && s.charAt(j) >= 'a' && s.charAt(j) <= 'z' && (j == 0 || !Character.isLetterOrDigit(s.charAt(j - 1)));
    }

    private static char charBefore(String s, int i) {
        int j = i - 1;
        while (j >= 0 && s.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 ? s.charAt(j) : ' ';
    }

    private static boolean digitAfter(String s, int i) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '-' && s.charAt(i) == '=') {
            j++;
        }
        return j < s.length() && isDigit(s.charAt(j));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
