package dev.aios.router.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The router is closed: every endpoint needs an authenticated AIOS service except the health probes (liveness,
 * readiness) and, when {@code management.server.port} puts actuator on its own port, that port (which the deployment
 * opens only to its metrics scrapers). A project's budget ledger is for the {@code aios.router.budget-readers}; the
 * {@code aios.router.budget-only} services (the orchestrator) may read nothing else and call no model. Stateless, no
 * session, no CSRF (no cookies: a bearer token or a certificate).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouterClientsProperties.class)
public class RouterSecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RouterSecurityConfiguration.class);

    @Bean
    ServiceCredentials serviceCredentials(RouterClientsProperties properties) {
        ServiceCredentials credentials = ServiceCredentials.of(properties);
        if (credentials.services().isEmpty()) {
            log.warn("no AIOS service may call the router: aios.router.clients is empty, so every HTTP call gets 401"
                    + " (set aios.router.clients.<service>.token-sha256; docs/deploy.md)");
        } else {
            log.info("router callers: {}", credentials.services());
        }
        return credentials;
    }

    /** Also keeps Boot from creating a user with a generated password. */
    @Bean
    AuthenticationProvider serviceTokenAuthenticationProvider(ServiceCredentials credentials, MeterRegistry meters) {
        return new ServiceTokenAuthenticationProvider(credentials, meters);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain routerSecurity(
            HttpSecurity http,
            ServiceCredentials credentials,
            AuthenticationProvider tokens,
            RouterClientsProperties clients,
            Environment environment)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens), new BearerTokenConverter());
        bearer.setSuccessHandler((request, response, authentication) -> {});
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        RequestMatcher managementPort = managementPort(environment);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterAt(bearer, BasicAuthenticationFilter.class)
                .addFilterBefore(new CallerLogging(), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers(managementPort)
                        .permitAll()
                        .requestMatchers("/v1/budgets/**")
                        .access(ServiceNamed.oneOf(clients.budgetReadersOrDefault()))
                        .anyRequest()
                        .access(ServiceNamed.noneOf(clients.budgetOnlyOrDefault())));
        if (credentials.anyCertificate()) {
            http.x509(x509 -> x509.x509PrincipalExtractor(new CertificateServiceExtractor(credentials))
                    .authenticationUserDetailsService(token -> User.withUsername(token.getName())
                            .password("")
                            .roles(ServiceAuthentication.ROLE)
                            .build()));
        }
        return http.build();
    }

    /** Requests that arrived on a separate management port; none when actuator shares the application's port. */
    private static RequestMatcher managementPort(Environment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer server = environment.getProperty("server.port", Integer.class, 8080);
        if (management == null || management <= 0 || management.equals(server)) {
            return request -> false;
        }
        return (HttpServletRequest request) -> request.getLocalPort() == management;
    }
}
