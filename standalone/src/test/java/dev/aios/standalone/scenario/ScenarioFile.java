package dev.aios.standalone.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One recorded scenario's files in the launcher's resources: {@code scenarios/<name>/scenario.json} and its brief. */
record ScenarioFile(String directory, JsonNode json, String brief) {
    /** Every scenario the demo offers; the list the tests hold the directory to. */
    static final List<String> NAMES =
            List.of("url-shortener", "room-bookings", "expense-splitter", "recipe-scaler", "feature-flags");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ScenarioFile load(String directory) {
        return new ScenarioFile(
                directory, JSON.readTree(resource(directory, "scenario.json")), resource(directory, "brief.md"));
    }

    String projectName() {
        return json.path("projectName").asString();
    }

    JsonNode expect() {
        return json.path("expect");
    }

    int sprintLimit() {
        return json.path("options").path("sprintLimit").asInt(10);
    }

    private static String resource(String directory, String file) {
        String name = ScenarioAnswers.SCENARIOS + "/" + directory + "/" + file;
        try (InputStream in = ScenarioFile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
