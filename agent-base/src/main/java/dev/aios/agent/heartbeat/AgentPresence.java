package dev.aios.agent.heartbeat;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;

/** One running agent replica and how many tasks it is working on. */
public record AgentPresence(Role role, String agentId, int inFlight) {
    public AgentPresence {
        requireNonNull(role, "role");
        requireNonNull(agentId, "agent id");
    }

    /** {@code aios:agents:<role>:<agentId>} */
    public String key() {
        return "aios:agents:" + role.routingKey() + ":" + agentId;
    }
}
