package dev.aios.orchestrator.dlq;

import dev.aios.agent.messaging.DeadLetter;
import dev.aios.agent.messaging.DeadLetterQueue;
import dev.aios.agent.messaging.DeadLetters;
import dev.aios.agent.messaging.UnknownQueueException;
import dev.aios.orchestrator.api.Refusals;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.ProjectOwnership;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dlq}, a peek at one DLQ, and {@code POST /api/v1/dlq/{queue}/redrive}, over agent-base's
 * DeadLetters. An operator sees, counts and redrives only the dead letters of its tenant's projects (a letter's
 * correlation id is its project); an admin all of them.
 */
@RestController
class DeadLetterController {
    private final DeadLetters deadLetters;
    private final ProjectOwnership ownership;

    DeadLetterController(DeadLetters deadLetters, ProjectOwnership ownership) {
        this.deadLetters = deadLetters;
        this.ownership = ownership;
    }

    @GetMapping("/api/v1/dlq")
    @Operation(summary = "Dead-letter queues and their depth (of the caller's tenant's projects)")
    @LeastRole(Role.OPERATOR)
    List<DeadLetterQueue> list(Caller caller) {
        List<DeadLetterQueue> queues = deadLetters.queues();
        if (caller.has(Role.ADMIN)) {
            return queues;
        }
        Predicate<DeadLetter> visible = visibleTo(caller);
        return queues.stream()
                .map(q -> new DeadLetterQueue(
                        q.name(), q.workQueue(), q.depth() == 0 ? 0 : deadLetters.count(q.name(), visible)))
                .toList();
    }

    @GetMapping("/api/v1/dlq/{queue}")
    @Operation(summary = "The first dead letters of one queue (of the caller's tenant's projects), left in the queue")
    @LeastRole(Role.OPERATOR)
    @Refusals({400, 404})
    List<DeadLetter> peek(Caller caller, @PathVariable String queue, @RequestParam(defaultValue = "20") int max) {
        bounded(max);
        try {
            return deadLetters.peek(queue, max, visibleTo(caller));
        } catch (UnknownQueueException e) {
            throw ApiProblem.notFound("no dead-letter queue " + queue);
        }
    }

    @PostMapping("/api/v1/dlq/{queue}/redrive")
    @Operation(summary = "Move dead-lettered messages back to their destination")
    @LeastRole(Role.OPERATOR)
    @Refusals({400, 404})
    Map<String, Object> redrive(
            Caller caller, @PathVariable String queue, @RequestParam(defaultValue = "100") int max) {
        bounded(max);
        try {
            return Map.of("queue", queue, "redriven", deadLetters.redrive(queue, max, visibleTo(caller)));
        } catch (UnknownQueueException e) {
            throw ApiProblem.notFound("no dead-letter queue " + queue);
        }
    }

    /** An admin sees every letter; anyone else the letters of its tenant's projects (not those of no known project). */
    private Predicate<DeadLetter> visibleTo(Caller caller) {
        if (caller.has(Role.ADMIN)) {
            return letter -> true;
        }
        Map<String, Boolean> seen = new HashMap<>(); // one lookup per project per request
        return letter -> seen.computeIfAbsent(
                letter.correlationId(),
                id -> project(id).map(p -> ownership.visibleTo(caller, p)).orElse(false));
    }

    private static Optional<UUID> project(String correlationId) {
        try {
            return Optional.of(UUID.fromString(correlationId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void bounded(int max) {
        if (max < 1 || max > 10_000) {
            throw ApiProblem.badRequest("max must be 1-10000");
        }
    }
}
