package dev.aios.agent.persona.router;

import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmClient;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every persona service reaches the model through the router over HTTP ({@code AIOS_ROUTER_URL}); the standalone
 * launcher defines its own in-process {@link LlmClient}, which this then leaves alone.
 */
@AutoConfiguration
public class RouterClientAutoConfiguration {
    static final String DEFAULT_URL = "http://localhost:8081";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    @Bean
    @ConditionalOnMissingBean(LlmClient.class)
    LlmClient routerLlmClient(Environment env) {
        String url = env.getProperty("aios.router.url", DEFAULT_URL);
        Duration timeout = env.getProperty("aios.router.timeout", Duration.class, DEFAULT_TIMEOUT);
        return new HttpLlmClient(URI.create(url), timeout);
    }
}
