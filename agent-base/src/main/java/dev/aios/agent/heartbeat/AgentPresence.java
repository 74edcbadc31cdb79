package dev.aios.agent.heartbeat;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;

/** One running agent replica and how many tasks it is working on. */
public record AgentPresence(Role role, String agentId, int inFlight) {
    /** The key namespace of every heartbeat, under the deployment's key prefix. */
    public static final String NAMESPACE = "aios:agents:";

    public AgentPresence {
        requireNonNull(role, "role");
        requireNonNull(agentId, "agent id");
    }

    /** {@code aios:agents:<role>:<agentId>} */
    public String key() {
        return NAMESPACE + role.routingKey() + ":" + agentId;
    }
}
