package dev.aios.agent.heartbeat.internal;

import dev.aios.agent.heartbeat.AgentPresence;
import dev.aios.agent.heartbeat.HeartbeatStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Heartbeats kept in this process (standalone launcher, tests); expiry is evaluated when read. */
public final class InMemoryHeartbeatStore implements HeartbeatStore {
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    @Override
    public void beat(AgentPresence presence, Duration ttl) {
        expiries.put(presence.key(), Instant.now().plus(ttl));
    }

    @Override
    public void remove(AgentPresence presence) {
        expiries.remove(presence.key());
    }

    public boolean isAlive(String key) {
        Instant expiry = expiries.get(key);
        return expiry != null && expiry.isAfter(Instant.now());
    }
}
