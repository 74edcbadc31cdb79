package dev.aios.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The router as a service on port 8081. */
@SpringBootApplication
public class LlmRouterApplication {
    public static void main(String[] args) {
        SpringApplication.run(LlmRouterApplication.class, args);
    }
}
