package dev.aios.orchestrator.agui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonPatchesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void equalDocumentsNeedNoOperation() {
        assertThat(JsonPatches.diff(json("{\"a\":[1,{\"b\":null}]}"), json("{\"a\":[1,{\"b\":null}]}")))
                .isEmpty();
    }

    @Test
    void membersAreAddedRemovedAndReplacedWithTheirNamesEscapedAsJsonPointerTokens() {
        JsonNode before = json("{\"a/b\":1,\"c~d\":2,\"gone\":true,\"nested\":{\"x\":1}}");
        JsonNode after = json("{\"a/b\":5,\"c~d\":2,\"nested\":{\"x\":1,\"y\":[]},\"new\":\"v\"}");
        assertThat(JsonPatches.diff(before, after).toString())
                .isEqualTo(
                        "[{\"op\":\"remove\",\"path\":\"/gone\"},{\"op\":\"replace\",\"path\":\"/a~1b\",\"value\":5},"
                                + "{\"op\":\"add\",\"path\":\"/nested/y\",\"value\":[]},{\"op\":\"add\",\"path\":\"/new\",\"value\":\"v\"}]");
        assertThat(StrictJsonPatch.apply(before, JsonPatches.diff(before, after)))
                .isEqualTo(after);
    }

    @Test
    void arraysGrowAtTheirEndAndShrinkFromIt() {
        JsonNode before = json("{\"s\":[{\"n\":1},{\"n\":2},{\"n\":3}]}");
        JsonNode longer = json("{\"s\":[{\"n\":1},{\"n\":20},{\"n\":3},{\"n\":4}]}");
        JsonNode shorter = json("{\"s\":[{\"n\":1}]}");
        assertThat(JsonPatches.diff(before, longer).toString())
                .isEqualTo(
                        "[{\"op\":\"replace\",\"path\":\"/s/1/n\",\"value\":20},{\"op\":\"add\",\"path\":\"/s/3\",\"value\":{\"n\":4}}]");
        assertThat(JsonPatches.diff(before, shorter).toString())
                .isEqualTo("[{\"op\":\"remove\",\"path\":\"/s/2\"},{\"op\":\"remove\",\"path\":\"/s/1\"}]");
        assertThat(StrictJsonPatch.apply(before, JsonPatches.diff(before, longer)))
                .isEqualTo(longer);
        assertThat(StrictJsonPatch.apply(before, JsonPatches.diff(before, shorter)))
                .isEqualTo(shorter);
    }

    @Test
    void aValueOfAnotherTypeIsReplacedWhole() {
        assertThat(JsonPatches.diff(json("{\"r\":null}"), json("{\"r\":{\"passed\":true}}"))
                        .toString())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/r\",\"value\":{\"passed\":true}}]");
    }
}
