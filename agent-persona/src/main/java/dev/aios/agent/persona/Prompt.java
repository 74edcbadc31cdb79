package dev.aios.agent.persona;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A versioned prompt resource ({@code prompts/<name>-v<version>.md}); its id is recorded with every result. */
public record Prompt(String name, int version, String text) {
    public Prompt {
        requireNonNull(name, "name");
        requireNonNull(text, "text");
        if (version < 1) {
            throw new IllegalArgumentException("prompt version must be >= 1: " + version);
        }
    }

    /** {@code backend-v1}: what summaries and logs call this prompt. */
    public String id() {
        return name + "-v" + version;
    }

    /** Loads {@code prompts/<name>-v<version>.md} from the anchor's class loader; missing resources fail fast. */
    public static Prompt load(Class<?> anchor, String name, int version) {
        String resource = "prompts/" + name + "-v" + version + ".md";
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource not found on the classpath: " + resource);
            }
            return new Prompt(name, version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }
}
