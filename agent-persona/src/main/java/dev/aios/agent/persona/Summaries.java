package dev.aios.agent.persona;

/** Summaries record the prompt version, and say so when no live model produced the answer. */
public final class Summaries {
    private Summaries() {}

    public static String of(Prompt prompt, CallResult.Parsed<?> parsed, String modelSummary) {
        StringBuilder tags = new StringBuilder("[prompt ").append(prompt.id());
        if (parsed.scripted()) {
            tags.append(", scripted response");
        }
        if (parsed.repaired()) {
            tags.append(", repaired once");
        }
        return tags.append("] ").append(modelSummary.strip()).toString();
    }
}
