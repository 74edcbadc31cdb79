package dev.aios.orchestrator.people;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated token into its {@link Caller}: the subject, the tenant from the configured tenant claim, the roles
 * from the configured roles claim (a list, or one string of names separated by spaces or commas). Names that are no
 * role are ignored; a token without a subject or tenant is refused (401), since nothing it did could be attributed.
 */
final class CallerTokenConverter implements Converter<Jwt, CallerAuthentication> {
    private final AccessSettings settings;

    CallerTokenConverter(AccessSettings settings) {
        this.settings = settings;
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("the token has no subject (sub)");
        }
        @Nullable Object tenant = claim(jwt.getClaims(), settings.tenantClaim());
        if (!(tenant instanceof String t) || t.isBlank()) {
            throw new InvalidBearerTokenException("the token has no tenant claim '" + settings.tenantClaim() + "'");
        }
        return new CallerAuthentication(
                jwt, new Caller(subject, t, roles(claim(jwt.getClaims(), settings.rolesClaim()))));
    }

    private static Set<Role> roles(@Nullable Object claim) {
        Collection<?> names = switch (claim) {
            case null -> List.of();
            case Collection<?> list -> list;
            case String text -> List.of(text.split("[\\s,]+"));
            default -> List.of();
        };
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            if (name instanceof String s) {
                Role.ofClaim(s).ifPresent(role -> roles.addAll(role.withIncluded()));
            }
        }
        return roles;
    }

    /** The claim at a dotted path ({@code realm_access.roles}); a claim whose own name has dots is found first. */
    private static @Nullable Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        @Nullable Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
