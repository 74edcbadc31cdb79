package dev.aios.router.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CassetteFileTest {
    static final Exchange EXCHANGE = new Exchange(
            1,
            "sha256:aa",
            "sha256:bb",
            "cto-v1",
            "cto",
            "plan",
            "claude",
            "anthropic",
            "claude-sonnet-4-5",
            "{\"tasks\": []}\n",
            1200,
            900,
            17_100);

    @Test
    void writesAndReadsBackEveryField() {
        // given
        Cassette cassette = new Cassette(
                "run.json",
                1,
                "2026-12-02T10:00:00Z",
                "claude=anthropic claude-sonnet-4-5",
                "a label",
                Optional.of(new RecordedProject("shortener", "the brief\n", 5_000_000, Map.of("sprintLimit", 3))),
                List.of(EXCHANGE));

        // when
        Cassette read = CassetteFile.parse("run.json", CassetteFile.write(cassette));

        // then
        assertThat(read).isEqualTo(cassette);
        assertThat(read.briefDigests()).contains("sha256:bb");
    }

    @Test
    void aRefusedCallIsWrittenAsAnErrorAndReadBack() {
        Exchange refused = new Exchange(
                2,
                "sha256:cc",
                "sha256:bb",
                "backend-v1",
                "backend",
                "T1",
                "",
                "",
                "",
                "over budget",
                0,
                0,
                0,
                "BUDGET_EXHAUSTED");
        Cassette cassette = new Cassette("run.json", 1, "", "", "", Optional.empty(), List.of(EXCHANGE, refused));

        String json = CassetteFile.write(cassette);

        assertThat(json).contains("\"error\" : {", "\"kind\" : \"BUDGET_EXHAUSTED\"");
        assertThat(CassetteFile.parse("run.json", json).exchanges()).containsExactly(EXCHANGE, refused);
    }

    @Test
    void refusesAnotherFormatOrVersionNamingTheFile() {
        assertThatThrownBy(() -> CassetteFile.parse("x.json", "{\"entries\": []}"))
                .isInstanceOf(InvalidCassetteException.class)
                .hasMessage("x.json is not an AIOS cassette (no \"format\": \"aios-cassette\")");
        assertThatThrownBy(() -> CassetteFile.parse(
                        "x.json", "{\"format\": \"aios-cassette\", \"version\": 2, \"exchanges\": []}"))
                .hasMessage("x.json is cassette version 2; this AIOS reads version 1");
        assertThatThrownBy(() -> CassetteFile.parse("x.json", "not json")).hasMessageStartingWith("x.json is not JSON");
    }

    @Test
    void refusesAnExchangeWithoutItsRequestDigestNamingTheEntry() {
        String json =
                "{\"format\": \"aios-cassette\", \"version\": 1, \"exchanges\": [{\"brief\": \"sha256:b\", \"role\": \"cto\","
                        + " \"task\": \"plan\", \"tier\": \"local\", \"model\": \"m\", \"response\": \"r\"}]}";

        assertThatThrownBy(() -> CassetteFile.parse("x.json", json))
                .hasMessage("x.json exchange 0 has no string \"request\"");
    }
}
