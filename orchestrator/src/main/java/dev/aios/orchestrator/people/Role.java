package dev.aios.orchestrator.people;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a person may do, each role including the ones below it: admin > operator > submitter > viewer. */
public enum Role {
    /** Reads and streams the projects of its tenant. */
    VIEWER,
    /** Also submits projects, stops them and raises their budget, in its tenant. */
    SUBMITTER,
    /** Also sees the agents, inspects and redrives the dead letters of its tenant. */
    OPERATOR,
    /** Everything, in every tenant. */
    ADMIN;

    /** The name in a token's roles claim: {@code viewer}, {@code submitter}, {@code operator}, {@code admin}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role it includes. */
    public Set<Role> withIncluded() {
        return EnumSet.range(VIEWER, this);
    }

    /** The role a claim value names, if it names one (case-insensitive); anything else grants nothing. */
    public static Optional<Role> ofClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equalsIgnoreCase(value.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
