package dev.aios.orchestrator.api;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the hand-written OpenAPI document (no springdoc release for Boot 4.1 is mirrored here). */
@RestController
class OpenApiController {
    @GetMapping("/v3/api-docs")
    ResponseEntity<byte[]> openApi() throws IOException {
        byte[] yaml = new ClassPathResource("openapi.yaml").getContentAsByteArray();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(yaml);
    }
}
