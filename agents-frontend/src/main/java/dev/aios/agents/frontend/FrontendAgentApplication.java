package dev.aios.agents.frontend;

import dev.aios.agent.Role;
import dev.aios.agent.persona.BuilderAgent;
import dev.aios.router.client.LlmClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The frontend persona service: the shared {@link BuilderAgent} in the frontend role; the {@link LlmClient} comes from the
 * router client (or the standalone launcher).
 */
@SpringBootApplication
public class FrontendAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(FrontendAgentApplication.class, args);
    }

    @Bean
    BuilderAgent frontendAgent(LlmClient llm) {
        return BuilderAgent.of(Role.FRONTEND, llm);
    }
}
