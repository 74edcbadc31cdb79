package dev.aios.agents.devops;

import dev.aios.agent.Role;
import dev.aios.agent.persona.BuilderAgent;
import dev.aios.router.client.LlmClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The devops persona service: the shared {@link BuilderAgent} in the devops role; the {@link LlmClient} comes from the
 * router client (or the standalone launcher).
 */
@SpringBootApplication
public class DevopsAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(DevopsAgentApplication.class, args);
    }

    @Bean
    BuilderAgent devopsAgent(LlmClient llm) {
        return BuilderAgent.of(Role.DEVOPS, llm);
    }
}
