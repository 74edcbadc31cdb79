package dev.aios.router.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the authenticated calling service in the log context ({@code aios.caller}) for the rest of the request. */
final class CallerLogging extends OncePerRequestFilter {
    static final String MDC_KEY = "aios.caller";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null
                || !caller.isAuthenticated()
                || caller.getName().isEmpty()
                || "anonymousUser".equals(caller.getName())) {
            chain.doFilter(request, response);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, caller.getName())) {
            chain.doFilter(request, response);
        }
    }
}
