package dev.aios.orchestrator.people;

import dev.aios.orchestrator.problem.ApiProblem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The orchestrator as an OAuth2 resource server: every request but the probes, the OpenAPI document and the board's
 * page and modules (which hold no data; ADR 0015) needs a valid JWT (signature, issuer, audience and expiry checked by
 * Spring Security's decoder, configured with {@code spring.security.oauth2.resourceserver.jwt.*}), and each endpoint a
 * role. Refusals are problem details
 * rendered by the API's own {@code ProblemDetails}.
 */
@Configuration
@EnableConfigurationProperties(AccessSettings.class)
class SecurityConfiguration implements WebMvcConfigurer {
    private static final String PROJECTS = "/api/v1/projects";
    private static final String[] BOARD = {"/", "/index.html", "/board/*", "/favicon.ico"};
    /** The board runs only its own modules and styles and talks only to this origin; no inline script, no framing. */
    private static final String BOARD_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            AccessSettings settings,
            JwtDecoder decoder,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            @Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:8080}") int serverPort)
            throws Exception {
        int separateManagementPort = managementPort != serverPort ? managementPort : -1;
        AuthenticationEntryPoint unauthenticated = unauthenticated(problems);
        AccessDeniedHandler forbidden = (request, response, denied) -> problems.resolveException(
                request,
                response,
                null,
                new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "the token's roles (" + rolesOfCaller() + ") do not allow " + request.getMethod() + " "
                                + request.getRequestURI()));
        http.csrf(
                        AbstractHttpConfigurer
                                ::disable) // bearer tokens only: no cookie a forged cross-site request could ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // an SSE stream's async dispatch and an error dispatch continue a request already authorised
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers(request -> onManagementPort(request, separateManagementPort))
                        .permitAll()
                        .requestMatchers(request -> settings.anonymousMetrics()
                                && request.getRequestURI().equals("/actuator/prometheus"))
                        .permitAll()
                        .requestMatchers("/actuator", "/actuator/**")
                        .hasRole(Role.OPERATOR.name())
                        // the API's description and its viewer reveal no data: anyone may read how to call it
                        .requestMatchers(
                                HttpMethod.GET,
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/swagger-config",
                                "/swagger-ui",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        // the board's page and modules hold no data: every call they make carries the person's token
                        .requestMatchers(HttpMethod.GET, BOARD)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/agents")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/dlq", "/api/v1/dlq/**")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/revocations", "/api/v1/revocations/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                PROJECTS,
                                PROJECTS + "/*/stop",
                                PROJECTS + "/*/budget",
                                PROJECTS + "/*/approvals/*/grant",
                                PROJECTS + "/*/approvals/*/reject")
                        .hasRole(Role.SUBMITTER.name())
                        .requestMatchers(HttpMethod.GET, PROJECTS, PROJECTS + "/**")
                        .hasRole(Role.VIEWER.name())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt ->
                                jwt.decoder(decoder).jwtAuthenticationConverter(new CallerTokenConverter(settings)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        SecurityConfiguration::isBoard,
                        new StaticHeadersWriter("Content-Security-Policy", BOARD_POLICY))));
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    /** 401 with Spring's {@code WWW-Authenticate: Bearer ...} challenge and a problem detail that says what was wrong. */
    private static AuthenticationEntryPoint unauthenticated(HandlerExceptionResolver problems) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            challenge.commence(request, response, failure);
            problems.resolveException(
                    request,
                    response,
                    null,
                    new ApiProblem(HttpStatus.UNAUTHORIZED, "Authentication required", detail(failure)));
        };
    }

    private static String detail(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "the bearer token was refused: "
                    + (description == null ? oauth.getError().getErrorCode() : description);
        }
        return "this endpoint needs a bearer token: send 'Authorization: Bearer <JWT>'";
    }

    private static String rolesOfCaller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication a
                ? a.caller().describeRoles()
                : "none";
    }

    private static boolean isBoard(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/board/");
    }

    /** Actuator endpoints moved to their own port (management.server.port) sit behind the network, not a token. */
    private static boolean onManagementPort(HttpServletRequest request, int managementPort) {
        return managementPort > 0 && request.getLocalPort() == managementPort;
    }
}
