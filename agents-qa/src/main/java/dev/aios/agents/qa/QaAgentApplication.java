package dev.aios.agents.qa;

import dev.aios.router.client.LlmClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The qa persona service; the {@link LlmClient} comes from the router client (or the standalone launcher). */
@SpringBootApplication
public class QaAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(QaAgentApplication.class, args);
    }

    @Bean
    QaAgent qaAgent(LlmClient llm) {
        return new QaAgent(llm);
    }
}
