package dev.aios.agent.heartbeat;

import java.time.Duration;

/** Where an agent says it is alive: an entry that disappears when the agent stops renewing it. */
public interface HeartbeatStore {
    void beat(AgentPresence presence, Duration ttl);

    void remove(AgentPresence presence);
}
