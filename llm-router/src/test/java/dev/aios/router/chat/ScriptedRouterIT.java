package dev.aios.router.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.LlmRouterApplication;
import dev.aios.router.client.RouterHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With no provider configured every tier replays recordings, and every answer says it is scripted. */
@SpringBootTest(classes = LlmRouterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
    "aios.router.tiers.gpt.api-key=",
    "aios.router.tiers.claude.api-key=",
    "aios.router.tiers.local.base-url=",
    "aios.router.scripted.recordings=classpath:scripted-it/*.json",
    "aios.router.cache.enabled=false",
    // this test is about the answers, not the broker: no connection to a shared vhost
    "spring.autoconfigure.exclude=dev.aios.agent.messaging.MessagingAutoConfiguration"
})
class ScriptedRouterIT {
    @LocalServerPort
    int port;

    private HttpResponse<String> ask(String role, String task, String prompt) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header(RouterHeaders.ROLE, role)
                .header(RouterHeaders.TASK_ID, task)
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void marksEveryReplayedAnswerAsScriptedInBodyAndHeader() throws Exception {
        HttpResponse<String> response = ask("backend", "T3", "write the REST controller");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-AIOS-Scripted")).contains("true");
        assertThat(response.body()).contains("\"content\":\"scripted backend answer\"", "\"scripted\":true", "\"provider\":\"scripted\"",
                "\"prompt_tokens\":812");
    }

    @Test
    void refusesClearlyWhenNoRecordingMatches() throws Exception {
        HttpResponse<String> response = ask("qa", "T9", "anything");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no scripted recording matches role 'qa', task 'T9'", "\"kind\":\"INVALID_REQUEST\"");
    }
}
