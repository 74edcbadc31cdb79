package dev.aios.agent.persona.router;

import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.RouterToken;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every persona service reaches the model through the router over HTTP ({@code AIOS_ROUTER_URL}) as itself: the router
 * serves only AIOS services, so each needs its own token ({@code AIOS_ROUTER_TOKEN}, ADR 0041) and does not start
 * without one. The standalone launcher defines its own {@link LlmClient}, which this then leaves alone.
 */
@AutoConfiguration
public class RouterClientAutoConfiguration {
    static final String DEFAULT_URL = "http://localhost:8081";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    static final String MISSING_TOKEN =
            "aios.router.token (AIOS_ROUTER_TOKEN) is not set: the LLM router serves only AIOS"
                    + " services, each with its own token (deploy/generate-env.sh makes them; docs/deploy.md)";

    @Bean
    @ConditionalOnMissingBean(LlmClient.class)
    LlmClient routerLlmClient(Environment env) {
        String url = env.getProperty("aios.router.url", DEFAULT_URL);
        Duration timeout = env.getProperty("aios.router.timeout", Duration.class, DEFAULT_TIMEOUT);
        return new HttpLlmClient(URI.create(url), token(env), timeout);
    }

    private static RouterToken token(Environment env) {
        String token;
        try {
            token = env.getProperty("aios.router.token", "");
        } catch (IllegalArgumentException unresolved) {
            // application.yml says ${AIOS_ROUTER_TOKEN} and the environment has none
            throw new IllegalStateException(MISSING_TOKEN, unresolved);
        }
        if (token.isBlank()) {
            throw new IllegalStateException(MISSING_TOKEN);
        }
        try {
            return new RouterToken(token.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aios.router.token (AIOS_ROUTER_TOKEN): " + e.getMessage(), e);
        }
    }
}
