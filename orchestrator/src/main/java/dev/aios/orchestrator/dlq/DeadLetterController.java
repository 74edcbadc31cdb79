package dev.aios.orchestrator.dlq;

import dev.aios.agent.messaging.DeadLetter;
import dev.aios.agent.messaging.DeadLetterQueue;
import dev.aios.agent.messaging.DeadLetters;
import dev.aios.agent.messaging.UnknownQueueException;
import dev.aios.orchestrator.api.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dlq}, a peek at one DLQ, and {@code POST /api/v1/dlq/{queue}/redrive}, over agent-base's DeadLetters. */
@RestController
class DeadLetterController {
    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/v1/dlq")
    List<DeadLetterQueue> list() {
        return deadLetters.queues();
    }

    @GetMapping("/api/v1/dlq/{queue}")
    List<DeadLetter> peek(@PathVariable String queue, @RequestParam(defaultValue = "20") int max) {
        bounded(max);
        try {
            return deadLetters.peek(queue, max);
        } catch (UnknownQueueException e) {
            throw ApiProblem.notFound("no dead-letter queue " + queue);
        }
    }

    @PostMapping("/api/v1/dlq/{queue}/redrive")
    Map<String, Object> redrive(@PathVariable String queue, @RequestParam(defaultValue = "100") int max) {
        bounded(max);
        try {
            return Map.of("queue", queue, "redriven", deadLetters.redrive(queue, max));
        } catch (UnknownQueueException e) {
            throw ApiProblem.notFound("no dead-letter queue " + queue);
        }
    }

    private static void bounded(int max) {
        if (max < 1 || max > 10_000) {
            throw ApiProblem.badRequest("max must be 1-10000");
        }
    }
}
