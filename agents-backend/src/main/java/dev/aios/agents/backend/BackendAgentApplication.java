package dev.aios.agents.backend;

import dev.aios.agent.Role;
import dev.aios.agent.persona.BuilderAgent;
import dev.aios.router.client.LlmClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The backend persona service: the shared {@link BuilderAgent} in the backend role; the {@link LlmClient} comes from the
 * router client (or the standalone launcher).
 */
@SpringBootApplication
public class BackendAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(BackendAgentApplication.class, args);
    }

    @Bean
    BuilderAgent backendAgent(LlmClient llm) {
        return BuilderAgent.of(Role.BACKEND, llm);
    }
}
