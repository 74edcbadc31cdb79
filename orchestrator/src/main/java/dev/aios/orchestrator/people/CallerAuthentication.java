package dev.aios.orchestrator.people;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated token and the caller it names; its authorities are {@code ROLE_<ROLE>} of the caller's roles. */
final class CallerAuthentication extends JwtAuthenticationToken {
    private final Caller caller;

    CallerAuthentication(Jwt jwt, Caller caller) {
        super(
                jwt,
                caller.roles().stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList(),
                caller.subject());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && super.equals(that) && caller.equals(that.caller);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + caller.hashCode();
    }
}
