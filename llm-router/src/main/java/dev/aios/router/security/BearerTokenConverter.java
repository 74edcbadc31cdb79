package dev.aios.router.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** {@code Authorization: Bearer <token>} → a presented token; no Authorization header → no attempt (anonymous). */
final class BearerTokenConverter implements AuthenticationConverter {
    private static final String BEARER = "bearer ";

    @Override
    public @Nullable ServiceAuthentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            throw new BadCredentialsException("the Authorization header is not 'Bearer <token>'");
        }
        return ServiceAuthentication.presented(header.substring(BEARER.length()).strip());
    }
}
