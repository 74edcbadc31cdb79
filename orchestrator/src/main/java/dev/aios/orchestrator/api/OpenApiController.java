package dev.aios.orchestrator.api;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the hand-written OpenAPI document; springdoc-openapi 3.0.0 resolves from the mirror but is not adopted yet. */
@RestController
class OpenApiController {
    @GetMapping("/v3/api-docs")
    ResponseEntity<byte[]> openApi() throws IOException {
        byte[] yaml = new ClassPathResource("openapi.yaml").getContentAsByteArray();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(yaml);
    }
}
