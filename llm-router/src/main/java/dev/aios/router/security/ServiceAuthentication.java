package dev.aios.router.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller of the router: a presented bearer token before authentication, the AIOS service it belongs to after. */
final class ServiceAuthentication extends AbstractAuthenticationToken {
    static final String ROLE = "AIOS_SERVICE";

    private final String service;
    private @Nullable String token;

    private ServiceAuthentication(String service, @Nullable String token, boolean authenticated) {
        super(authenticated ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)) : List.of());
        this.service = service;
        this.token = token;
        super.setAuthenticated(authenticated);
    }

    static ServiceAuthentication presented(String token) {
        return new ServiceAuthentication("", token, false);
    }

    static ServiceAuthentication service(String service) {
        return new ServiceAuthentication(service, null, true);
    }

    @Override
    public @Nullable Object getCredentials() {
        return token;
    }

    /** The calling service's name (e.g. {@code agents-backend}); empty until authenticated. */
    @Override
    public Object getPrincipal() {
        return service;
    }

    @Override
    public String getName() {
        return service;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only ServiceTokenAuthenticationProvider authenticates a caller");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        token = null;
    }
}
