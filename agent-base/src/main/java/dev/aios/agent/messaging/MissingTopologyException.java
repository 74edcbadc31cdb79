package dev.aios.agent.messaging;

/** In {@link TopologyMode#VERIFY}: an exchange or queue the service needs was not declared by the provisioner. */
public class MissingTopologyException extends IllegalStateException {
    public MissingTopologyException(String kind, String name, String cause) {
        super(kind + " '" + name
                + "' does not exist on the broker (aios.messaging.topology=verify: this service only checks "
                + "the topology; declare it first with the orchestrator or the provisioner, see docs/deploy.md): "
                + cause);
    }
}
