package dev.aios.agent.messaging;

/** A message type that is not on the allow-list; such a message is dead-lettered, never parsed. */
public class UnknownMessageTypeException extends MalformedMessageException {
    private final String type;

    public UnknownMessageTypeException(String type) {
        super("unknown message type: '" + type + "'");
        this.type = type;
    }

    public String type() {
        return type;
    }
}
