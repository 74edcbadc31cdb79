package dev.aios.orchestrator.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which claims of a token carry the roles and the tenant ({@code aios.security.*}). Only the named claims count: a
 * role in any other claim ({@code scope}, {@code groups}, ...) grants nothing. A dotted name reads a nested claim,
 * e.g. {@code realm_access.roles} (Keycloak). {@code anonymous-metrics} opens {@code /actuator/prometheus} to scrapers
 * without a token, for deployments whose network already limits who reaches the port.
 */
@ConfigurationProperties("aios.security")
record AccessSettings(
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("tenant") String tenantClaim,
        boolean anonymousMetrics) {
    AccessSettings {
        if (rolesClaim.isBlank() || tenantClaim.isBlank()) {
            throw new IllegalArgumentException(
                    "aios.security.roles-claim and aios.security.tenant-claim must name a claim");
        }
    }
}
