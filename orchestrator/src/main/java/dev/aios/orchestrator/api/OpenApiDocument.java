package dev.aios.orchestrator.api;

import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The OpenAPI document is generated from the controllers by springdoc ({@code /v3/api-docs}: JSON, or YAML when the
 * request asks for it; Swagger UI at {@code /swagger-ui}). This adds what the code alone does not say: the bearer
 * scheme, the least role of each operation ({@link LeastRole}), and the problem details it answers with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {
    static final String LEAST_ROLE = "x-aios-least-role";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String YAML = "application/yaml;charset=UTF-8";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class); // resolved from the token, not the request
    }

    @Bean
    OpenAPI aiosOpenApi() {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
        return new OpenAPI()
                .info(new Info().title("AIOS orchestrator API").version("0.1.0").description("""
                        Submit a brief, watch the sprints, stop or fund the project, download the repository. Errors are \
                        RFC 9457 problem details. Every operation needs a bearer JWT from the deployment's identity \
                        provider (standalone: the launcher's own, in $AIOS_HOME/admin.token or from `./aios token`); its \
                        roles claim (viewer < submitter < operator < admin) decides what it may do (x-aios-least-role) \
                        and its tenant claim which projects it sees. Another tenant's project answers 404."""))
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList("bearerAuth"))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearerAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("""
                                        A JWT signed by the configured identity provider (issuer and audience checked, \
                                        default audience "aios"), with the roles in the configured roles claim (default \
                                        "roles") and the tenant in the tenant claim (default "tenant"). Unsigned (alg \
                                        none), expired, foreign tokens and tokens without a tenant answer 401."""))
                        .addSchemas("ProblemDetail", problem)
                        .addResponses(
                                "Unauthorized",
                                problemResponse(
                                                "No token, or a token that was refused (problem detail titled \"Authentication required\"; "
                                                        + "WWW-Authenticate says why)")
                                        .addHeaderObject(
                                                HttpHeaders.WWW_AUTHENTICATE,
                                                new Header()
                                                        .schema(new StringSchema())
                                                        .description(
                                                                "Bearer, with error=\"invalid_token\" when one was sent")))
                        .addResponses(
                                "Forbidden",
                                problemResponse(
                                        "The token's roles do not allow the operation (problem detail titled \"Forbidden\")"))
                        .addResponses("Problem", problemResponse("RFC 9457 problem detail")));
    }

    /** Every operation with a least role states it and its 401/403; {@link Refusals} adds the other problem statuses. */
    @Bean
    OperationCustomizer leastRoleAndRefusals() {
        return (operation, handler) -> {
            LeastRole least = handler.getMethodAnnotation(LeastRole.class);
            if (least != null) {
                operation.addExtension(LEAST_ROLE, least.value().name().toLowerCase(Locale.ROOT));
                operation
                        .getResponses()
                        .addApiResponse("401", new ApiResponse().$ref("#/components/responses/Unauthorized"));
                operation
                        .getResponses()
                        .addApiResponse("403", new ApiResponse().$ref("#/components/responses/Forbidden"));
            }
            Refusals refusals = handler.getMethodAnnotation(Refusals.class);
            if (refusals != null) {
                for (int status : refusals.value()) {
                    operation
                            .getResponses()
                            .addApiResponse(
                                    Integer.toString(status), new ApiResponse().$ref("#/components/responses/Problem"));
                }
            }
            return operation;
        };
    }

    /** {@code GET /v3/api-docs} with {@code Accept: application/yaml} (and no JSON accepted) answers the YAML form. */
    @Bean
    OncePerRequestFilter openApiYamlOnRequest() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String accept = request.getHeader(HttpHeaders.ACCEPT);
                return !"/v3/api-docs".equals(request.getRequestURI())
                        || accept == null
                        || !accept.contains("yaml")
                        || accept.contains("json");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // springdoc's YAML endpoint answers application/vnd.oai.openapi: ask for that, answer as asked
                var asksForAnything = new HttpServletRequestWrapper(request) {
                    @Override
                    public String getHeader(String name) {
                        return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? "*/*" : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                                ? Collections.enumeration(List.of("*/*"))
                                : super.getHeaders(name);
                    }
                };
                var answersYaml = new HttpServletResponseWrapper(response) {
                    @Override
                    public void setContentType(String type) {
                        super.setContentType(YAML);
                    }

                    @Override
                    public void setHeader(String name, String value) {
                        super.setHeader(name, HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? YAML : value);
                    }

                    @Override
                    public void addHeader(String name, String value) {
                        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                            super.setContentType(YAML);
                        } else {
                            super.addHeader(name, value);
                        }
                    }
                };
                request.getRequestDispatcher("/v3/api-docs.yaml").forward(asksForAnything, answersYaml);
            }
        };
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
