package dev.aios.router.chat;

import dev.aios.router.client.LlmCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every 4xx/5xx of the router is a problem detail; Spring's own (415, 405, ...) come from the base class. */
@RestControllerAdvice
class RouterProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(RouterProblemHandler.class);

    @ExceptionHandler(LlmCallException.class)
    ResponseEntity<ProblemDetail> llmCallFailed(LlmCallException e) {
        ProblemDetail problem = ProblemJson.of(e);
        if (!(e instanceof RequestRejected)) {
            log.warn("LLM call failed ({}): {}", e.kind(), e.getMessage());
        }
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemJson.retryAfterSeconds(e)
                .ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return response.body(problem);
    }
}
