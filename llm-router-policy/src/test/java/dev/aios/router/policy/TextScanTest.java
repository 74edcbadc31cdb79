package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextScanTest {

    private static String text(String escaped) {
        return escaped.replace("\\n", "\n").replace("\\t", "\t");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"one\\n\\n  \\ntwo\\nthree|3", "|0", "single|1"})
    void countsLinesWithContent(String text, int expected) {
        assertThat(TextScan.lines(text(text == null ? "" : text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "text\\n```python\\nx = 1\\ny = 2\\n```\\nmore|2",
                "text\\n    indented = 1\\n\\tx()\\nprose|2",
                ">>> import numpy\\n$ pip install x\\nplain|2",
                "no code at all|0"
            })
    void countsLinesOfCodeAndConsoleOutput(String text, int expected) {
        assertThat(TextScan.codeLines(text(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "boom\\n\\tat a.b.C.run(C.java:1)|true",
                "traceback (most recent call last):\\n  file \"x.py\", line 1|true",
                "meet me\\nat noon (sharp)|false",
                "main.c:3: error: expected ';'|true",
                "the error: it is slow|false"
            })
    void recognisesStackTraces(String text, boolean expected) {
        assertThat(TextScan.hasStackTrace(text(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "raises ValueError and IOException, then a DeprecationWarning|3",
                "an error occurred; Error alone|0"
            })
    void countsErrorNames(String text, int expected) {
        assertThat(TextScan.errorNames(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"see src/app/main.py and readme.md|2", "version 1.4 and e.g. this|0", "end of sentence. next|0"})
    void countsFileNames(String text, int expected) {
        assertThat(TextScan.fileNames(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "call get_user on UserService via os.path.join and `x`|4",
                "plain words, e.g. this one. Next sentence|0"
            })
    void countsIdentifiers(String text, int expected) {
        assertThat(TextScan.identifiers(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"see https://example.org and http://x.y/z|2", "the http header|0"})
    void countsLinks(String text, int expected) {
        assertThat(TextScan.links(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"steps:\\n1. a\\n2) b\\n- c\\n* d|4", "1.\\nb.\\n-x|0", "no list here|0"})
    void countsEnumeratedLines(String text, int expected) {
        assertThat(TextScan.enumeratedLines(text(text))).isEqualTo(expected);
    }
}
