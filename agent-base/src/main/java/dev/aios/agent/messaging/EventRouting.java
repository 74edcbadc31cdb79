package dev.aios.agent.messaging;

import java.util.Locale;

/**
 * Routing keys on {@code aios.events}: {@code <aggregate>.<event>} from the message's simple name, e.g.
 * {@code aios.events.v1.TaskCompleted} → {@code task.completed}, {@code LlmCallCompleted} → {@code llm.call_completed}.
 */
public final class EventRouting {
    private EventRouting() {}

    public static String routingKeyFor(String messageType) {
        String simple = messageType.substring(messageType.lastIndexOf('.') + 1);
        String[] words = simple.split("(?<=[a-z0-9])(?=[A-Z])");
        if (words.length == 1) {
            return words[0].toLowerCase(Locale.ROOT);
        }
        StringBuilder key = new StringBuilder(words[0].toLowerCase(Locale.ROOT)).append('.');
        for (int i = 1; i < words.length; i++) {
            if (i > 1) {
                key.append('_');
            }
            key.append(words[i].toLowerCase(Locale.ROOT));
        }
        return key.toString();
    }
}
