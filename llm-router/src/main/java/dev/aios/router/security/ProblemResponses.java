package dev.aios.router.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A refused caller gets the router's own problem shape (type, title, status, detail, instance, {@code kind},
 * {@code retriable}) as {@code application/problem+json}; the kind is UNAUTHORIZED, which clients never retry.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = request.getHeader("Authorization") == null
                ? "the router serves only AIOS services: send 'Authorization: Bearer <token>' with this service's router token"
                : e.getMessage();
        response.setHeader("WWW-Authenticate", "Bearer realm=\"aios-llm-router\"");
        write(request, response, 401, "unauthenticated", "Not an authenticated AIOS service", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                request,
                response,
                403,
                "forbidden",
                "Not allowed for this caller",
                "this caller may not use " + request.getRequestURI());
    }

    private static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail)
            throws IOException {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "https://aios.dev/problems/" + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", request.getRequestURI())
                .put("kind", "UNAUTHORIZED")
                .put("retriable", false);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
