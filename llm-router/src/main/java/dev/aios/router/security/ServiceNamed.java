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
 * Admits an authenticated AIOS service whose name is one of a few, or, inverted, any but a few: an anonymous caller is
 * refused with 401 (by the entry point), another service with 403.
 */
final class ServiceNamed implements AuthorizationManager<RequestAuthorizationContext> {
    private static final SimpleGrantedAuthority SERVICE =
            new SimpleGrantedAuthority("ROLE_" + ServiceAuthentication.ROLE);

    private final Set<String> services;
    private final boolean admitted;

    private ServiceNamed(Set<String> services, boolean admitted) {
        this.services = services;
        this.admitted = admitted;
    }

    static ServiceNamed oneOf(List<String> services) {
        return new ServiceNamed(Set.copyOf(services), true);
    }

    static ServiceNamed noneOf(List<String> services) {
        return new ServiceNamed(Set.copyOf(services), false);
    }

    @Override
    public AuthorizationDecision authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        return new AuthorizationDecision(caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().contains(SERVICE)
                && services.contains(caller.getName()) == admitted);
    }
}
