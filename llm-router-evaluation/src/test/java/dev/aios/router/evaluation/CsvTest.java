package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsPlainFieldsAndRecords() throws Exception {
        assertThat(Csv.parse(new StringReader("a,b,c\n1,2,3\n")))
                .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void keepsCommasLineBreaksAndDoubledQuotesInsideQuotedFields() throws Exception {
        // given a quoted multi-line field, as in the RouteLLM response columns
        String csv = "prompt,response\r\n\"How many, exactly?\",\"Step 1:\nsay \"\"hi\"\"\r\nStep 2\"\r\nnext,row";

        // when
        List<List<String>> rows = Csv.parse(new StringReader(csv));

        // then
        assertThat(rows)
                .containsExactly(
                        List.of("prompt", "response"),
                        List.of("How many, exactly?", "Step 1:\nsay \"hi\"\r\nStep 2"),
                        List.of("next", "row"));
    }

    @Test
    void keepsEmptyFieldsAndAFinalRecordWithoutLineBreak() throws Exception {
        assertThat(Csv.parse(new StringReader("a,,\"\"\n,x"))).containsExactly(List.of("a", "", ""), List.of("", "x"));
    }

    @Test
    void rejectsAnUnclosedQuote() {
        assertThatThrownBy(() -> Csv.parse(new StringReader("a,\"open\nstill open")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quoted field is not closed");
    }

    @Test
    void rejectsTextAfterAClosingQuote() {
        assertThatThrownBy(() -> Csv.parse(new StringReader("\"a\"b,c\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1: text after a closing quote");
    }
}
