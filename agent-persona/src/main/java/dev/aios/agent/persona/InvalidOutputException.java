package dev.aios.agent.persona;

/** The model's answer is not the structured output the prompt asked for; the message says why, for the repair. */
public class InvalidOutputException extends Exception {
    public InvalidOutputException(String reason) {
        super(reason);
    }
}
