package dev.aios.agent.task;

/** Tokens and money (micro-dollars, exact) spent on LLM calls. */
public record Usage(long inputTokens, long outputTokens, long costMicros, int llmCalls) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                costMicros + other.costMicros,
                llmCalls + other.llmCalls);
    }
}
