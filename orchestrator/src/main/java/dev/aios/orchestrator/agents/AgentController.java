package dev.aios.orchestrator.agents;

import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/agents}: agents whose heartbeat is fresh (operators and admins; agents belong to no tenant). */
@RestController
class AgentController {
    private final AgentRegistry registry;

    AgentController(AgentRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/v1/agents")
    @Operation(summary = "Agents with a fresh heartbeat")
    @LeastRole(Role.OPERATOR)
    List<AgentRegistry.LiveAgent> agents() {
        return registry.live();
    }
}
