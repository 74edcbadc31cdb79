package dev.aios.router.security;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aios.router.clients.<service>}: who may call the router. {@code token-sha256} is the lower-case hex SHA-256
 * of the service's token ({@code printf %s "$TOKEN" | sha256sum}); {@code certificate-names} are the client
 * certificate CNs or DNS SANs that identify the service when the router terminates mTLS. {@code budget-readers} names
 * the services that may read a project's budget ledger ({@code GET /v1/budgets/{projectId}}); by default only the
 * orchestrator, which shows it to people.
 */
@ConfigurationProperties("aios.router")
public record RouterClientsProperties(
        @Nullable Map<String, Client> clients, @Nullable List<String> budgetReaders) {
    public static final List<String> DEFAULT_BUDGET_READERS = List.of("orchestrator");

    /** The configured readers, without blanks; the orchestrator when none are configured. */
    public List<String> budgetReadersOrDefault() {
        return budgetReaders == null
                ? DEFAULT_BUDGET_READERS
                : budgetReaders.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** One AIOS service allowed to call the router. */
    public record Client(
            @Nullable String tokenSha256, @Nullable List<String> certificateNames) {}
}
