package dev.aios.agent.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonExtractorTest {
    @Test
    void readsBareJson() throws Exception {
        assertThat(JsonExtractor.extract("{\"a\": 1}").get("a").asInt()).isEqualTo(1);
    }

    @Test
    void readsJsonInsideCodeFenceWithProseAround() throws Exception {
        // given
        String answer =
                "Sure! Here is the changeset:\n```json\n{\"summary\": \"ok {x}\", \"n\": [1, 2]}\n```\nLet me know.";

        // when / then
        assertThat(JsonExtractor.extract(answer).get("summary").stringValue()).isEqualTo("ok {x}");
    }

    @Test
    void skipsBracesInProseBeforeTheObject() throws Exception {
        assertThat(JsonExtractor.extract("I used {placeholders} here: {\"k\": \"v\"}")
                        .get("k")
                        .stringValue())
                .isEqualTo("v");
    }

    @Test
    void keepsFencesThatAreInsideStringValues() throws Exception {
        // given a README whose content itself holds a code fence
        String answer = "```json\n{\"content\": \"Run:\\n```bash\\npython3 app.py\\n```\\n\"}\n```";

        // when / then
        assertThat(JsonExtractor.extract(answer).get("content").stringValue()).contains("```bash");
    }

    @Test
    void reportsTruncatedOutput() {
        assertThatThrownBy(() ->
                        JsonExtractor.extract("```json\n{\"summary\": \"a\", \"files\": [{\"path\": \"x.py\", \"con"))
                .isInstanceOf(InvalidOutputException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void reportsMissingJson() {
        assertThatThrownBy(() -> JsonExtractor.extract("I cannot help with that."))
                .hasMessageContaining("no JSON object");
    }

    @Test
    void reportsMalformedJson() {
        assertThatThrownBy(() -> JsonExtractor.extract("{\"a\": 1,, \"b\": 2}")).hasMessageContaining("malformed");
    }
}
