package dev.aios.router.policy;

import java.util.Optional;

/** Builds routing requests for tests; every field starts neutral. */
record Requests(
        String role,
        String taskKind,
        String hint,
        int points,
        String prompt,
        int messages,
        int outputTokens,
        int files,
        Optional<Tier> override,
        Optional<Long> budget) {

    static Requests prompt(String prompt) {
        return new Requests("backend", "", "", 0, prompt, 1, 0, 0, Optional.empty(), Optional.empty());
    }

    Requests role(String value) {
        return new Requests(value, taskKind, hint, points, prompt, messages, outputTokens, files, override, budget);
    }

    Requests kind(String value) {
        return new Requests(role, value, hint, points, prompt, messages, outputTokens, files, override, budget);
    }

    Requests hint(String value) {
        return new Requests(role, taskKind, value, points, prompt, messages, outputTokens, files, override, budget);
    }

    Requests points(int value) {
        return new Requests(role, taskKind, hint, value, prompt, messages, outputTokens, files, override, budget);
    }

    Requests outputTokens(int value) {
        return new Requests(role, taskKind, hint, points, prompt, messages, value, files, override, budget);
    }

    Requests files(int value) {
        return new Requests(role, taskKind, hint, points, prompt, messages, outputTokens, value, override, budget);
    }

    Requests override(Tier value) {
        return new Requests(
                role, taskKind, hint, points, prompt, messages, outputTokens, files, Optional.of(value), budget);
    }

    Requests budget(long micros) {
        return new Requests(
                role, taskKind, hint, points, prompt, messages, outputTokens, files, override, Optional.of(micros));
    }

    RoutingRequest build() {
        return new RoutingRequest(
                role, taskKind, hint, points, prompt, messages, outputTokens, files, override, budget);
    }
}
