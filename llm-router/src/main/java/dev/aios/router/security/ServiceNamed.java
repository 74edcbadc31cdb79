package dev.aios.router.security;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Admits an authenticated AIOS service whose name is one of a few: an anonymous caller is refused with 401 (by the
 * entry point), another service with 403.
 */
final class ServiceNamed implements AuthorizationManager<RequestAuthorizationContext> {
    private static final SimpleGrantedAuthority SERVICE =
            new SimpleGrantedAuthority("ROLE_" + ServiceAuthentication.ROLE);

    private final Set<String> services;

    private ServiceNamed(Set<String> services) {
        this.services = services;
    }

    static ServiceNamed oneOf(List<String> services) {
        return new ServiceNamed(Set.copyOf(services));
    }

    @Override
    public AuthorizationDecision authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        return new AuthorizationDecision(caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().contains(SERVICE)
                && services.contains(caller.getName()));
    }
}
