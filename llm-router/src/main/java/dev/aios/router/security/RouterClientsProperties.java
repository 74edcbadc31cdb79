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
 * orchestrator, which shows it to people. {@code budget-only} names the services that may do nothing else: no model
 * call, no other endpoint; by default the orchestrator, whose token is on every replica that serves people.
 */
@ConfigurationProperties("aios.router")
public record RouterClientsProperties(
        @Nullable Map<String, Client> clients,
        @Nullable List<String> budgetReaders,
        @Nullable List<String> budgetOnly) {
    public static final List<String> DEFAULT_BUDGET_READERS = List.of("orchestrator");
    public static final List<String> DEFAULT_BUDGET_ONLY = List.of("orchestrator");

    /** The configured readers, without blanks; the orchestrator when none are configured. */
    public List<String> budgetReadersOrDefault() {
        return namesOr(budgetReaders, DEFAULT_BUDGET_READERS);
    }

    /** The services that may only read budgets, without blanks; the orchestrator when none are configured. */
    public List<String> budgetOnlyOrDefault() {
        return namesOr(budgetOnly, DEFAULT_BUDGET_ONLY);
    }

    private static List<String> namesOr(@Nullable List<String> names, List<String> otherwise) {
        return names == null
                ? otherwise
                : names.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One AIOS service allowed to call the router. */
    public record Client(
            @Nullable String tokenSha256, @Nullable List<String> certificateNames) {}
}
