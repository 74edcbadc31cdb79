package dev.aios.agent.messaging.internal;

import dev.aios.agent.messaging.InboxStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An inbox for one process (the standalone launcher and tests); forgets everything on restart. */
public final class InMemoryInboxStore implements InboxStore {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean firstTime(String consumer, String eventId) {
        return seen.add(consumer + '\u0000' + eventId);
    }

    @Override
    public boolean alreadyProcessed(String consumer, String eventId) {
        return seen.contains(consumer + '\u0000' + eventId);
    }
}
