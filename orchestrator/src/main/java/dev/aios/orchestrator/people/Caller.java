package dev.aios.orchestrator.people;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.stream.Collectors;

/** The person behind a request: the token's subject, tenant and roles (each role with the roles it includes). */
public record Caller(String subject, String tenant, Set<Role> roles) {
    public Caller {
        requireNonNull(subject, "subject");
        requireNonNull(tenant, "tenant");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this caller may see what belongs to {@code tenant}: its own tenant, or any tenant for an admin. */
    public boolean sees(String tenant) {
        return has(Role.ADMIN) || this.tenant.equals(tenant);
    }

    /** The roles as a person reads them, e.g. {@code "viewer, submitter"} or {@code "none"}. */
    public String describeRoles() {
        return roles.isEmpty()
                ? "none"
                : roles.stream().sorted().map(Role::claimValue).collect(Collectors.joining(", "));
    }
}
