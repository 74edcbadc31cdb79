package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextScanTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4 * 5 is twenty|true",
        "solve for x = -3|true",
        "3x4 grid|true",
        "the max = 10|false",
        "twenty-one apples|false",
        "a/b testing|false"
    })
    void recognisesEquations(String text, boolean expected) {
        assertThat(TextScan.hasEquation(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "costs $5 and $10|true",
        "just one $ sign|false",
        "\\sqrt{2}|true",
        "plain text|false"
    })
    void recognisesLatex(String text, boolean expected) {
        assertThat(TextScan.hasLatex(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "see src/app/main.py and readme.md|2",
        "version 1.4 and e.g. this|0",
        "end of sentence. next|0"
    })
    void countsFileNames(String text, int expected) {
        assertThat(TextScan.fileNames(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "steps:\\n1. a\\n2) b\\n- c\\n* d|4",
        "1.\\nb.\\n-x|0",
        "no list here|0"
    })
    void countsEnumeratedLines(String text, int expected) {
        assertThat(TextScan.enumeratedLines(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Q\\nA. x\\nB) y\\nE. z|2",
        "A.x\\nB.y|0"
    })
    void countsChoiceLines(String text, int expected) {
        assertThat(TextScan.choiceLines(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "boom\\n\\tat a.b.C.run(C.java:1)|true",
        "meet me\\nat noon (sharp)|false",
        "main.c:3: error: expected ';'|true"
    })
    void recognisesStackTraces(String text, boolean expected) {
        assertThat(TextScan.hasStackTrace(text.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(expected);
    }
}
