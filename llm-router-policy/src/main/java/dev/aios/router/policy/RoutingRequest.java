package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What the policy may look at: who asks, for what kind of work, and the prompt itself. */
public record RoutingRequest(
        String role,
        String taskKind,
        String complexityHint,
        int estimatePoints,
        String prompt,
        int messageCount,
        int expectedOutputTokens,
        int filesInvolved,
        Optional<Tier> override,
        Optional<Long> budgetRemainingMicros) {
    public RoutingRequest {
        requireNonNull(role, "role");
        requireNonNull(taskKind, "task kind");
        requireNonNull(complexityHint, "complexity hint");
        requireNonNull(prompt, "prompt");
        requireNonNull(override, "override");
        requireNonNull(budgetRemainingMicros, "budget remaining");
    }
}
