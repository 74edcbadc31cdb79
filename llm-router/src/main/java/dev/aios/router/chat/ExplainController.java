package dev.aios.router.chat;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/route/explain}: the decision, score, features and reason for a request, without calling a model. */
@RestController
class ExplainController {
    private final RouterService router;

    ExplainController(RouterService router) {
        this.router = router;
    }

    @PostMapping(path = "/api/v1/route/explain", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> explain(@RequestBody String body, @RequestHeader HttpHeaders headers) {
        Explanation explanation = router.explain(ChatCompletionsJson.parse(body, headers));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(ChatCompletionsJson.explanation(explanation));
    }
}
