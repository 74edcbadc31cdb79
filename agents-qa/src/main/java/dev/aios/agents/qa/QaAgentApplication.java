package dev.aios.agents.qa;

import dev.aios.agents.qa.sandbox.Sandbox;
import dev.aios.agents.qa.sandbox.SandboxLimits;
import dev.aios.agents.qa.sandbox.SandboxTools;
import dev.aios.router.client.LlmClient;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The qa persona service; the {@link LlmClient} comes from the router client (or the standalone launcher). */
@SpringBootApplication
public class QaAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(QaAgentApplication.class, args);
    }

    /** {@code aios.sandbox.allow-unisolated}: development only, runs generated tests unisolated where no sandbox works. */
    @Bean
    QaAgent qaAgent(LlmClient llm, @Value("${aios.sandbox.allow-unisolated:false}") boolean allowUnisolated) {
        Sandbox sandbox = new Sandbox(
                SandboxLimits.defaults(),
                Path.of(System.getProperty("java.io.tmpdir")),
                SandboxTools.installed(),
                allowUnisolated);
        return new QaAgent(llm, sandbox);
    }
}
