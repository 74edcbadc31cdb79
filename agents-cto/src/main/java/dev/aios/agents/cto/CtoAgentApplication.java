package dev.aios.agents.cto;

import dev.aios.router.client.LlmClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The cto persona service; the {@link LlmClient} comes from the router client (or the standalone launcher). */
@SpringBootApplication
public class CtoAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(CtoAgentApplication.class, args);
    }

    @Bean
    CtoAgent ctoAgent(LlmClient llm) {
        return new CtoAgent(llm);
    }
}
