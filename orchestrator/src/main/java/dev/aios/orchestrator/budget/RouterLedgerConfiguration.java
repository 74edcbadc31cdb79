package dev.aios.orchestrator.budget;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the router's ledger over HTTP when both {@code aios.orchestrator.router.url} and {@code .token} are set;
 * otherwise the reserved budget is not reported (logged once at start), and nothing fails. A launcher that runs the
 * router in the same JVM may supply its own {@link RouterLedger}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouterLedgerConfiguration.RouterProperties.class)
class RouterLedgerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RouterLedgerConfiguration.class);
    static final int MIN_TOKEN_LENGTH = 32;

    /** {@code aios.orchestrator.router.*}: where the router listens and this orchestrator's router token (ADR 0041). */
    @ConfigurationProperties("aios.orchestrator.router")
    record RouterProperties(
            @Nullable String url,
            @Nullable String token,
            @Nullable Duration timeout) {
        /** Two seconds when not set; a zero or negative one is a mistake, refused rather than replaced. */
        Duration timeoutOrDefault() {
            if (timeout == null) {
                return Duration.ofSeconds(2);
            }
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalStateException(
                        "aios.orchestrator.router.timeout must be positive (e.g. 2s), not " + timeout);
            }
            return timeout;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    RouterLedger routerLedger(RouterProperties properties) {
        String url = properties.url() == null ? "" : properties.url().strip();
        String token = properties.token() == null ? "" : properties.token().strip();
        if (url.isEmpty() || token.isEmpty()) {
            log.info("the reserved part of project budgets is not reported: set AIOS_ROUTER_URL and AIOS_ROUTER_TOKEN"
                    + " (this orchestrator's router token) to read the router's budget ledger");
            return new DisabledRouterLedger();
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("AIOS_ROUTER_TOKEN (aios.orchestrator.router.token) must hold at least "
                    + MIN_TOKEN_LENGTH + " characters, as deploy/generate-env.sh makes them; this one holds "
                    + token.length());
        }
        URI router;
        try {
            router = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AIOS_ROUTER_URL (aios.orchestrator.router.url) is not a URL: " + url, e);
        }
        if (!"http".equals(router.getScheme()) && !"https".equals(router.getScheme())) {
            throw new IllegalStateException(
                    "AIOS_ROUTER_URL (aios.orchestrator.router.url) must be an http(s) URL: " + url);
        }
        log.info("reading the reserved part of project budgets from the router at {}", router);
        return new HttpRouterLedger(router, token, properties.timeoutOrDefault());
    }
}
