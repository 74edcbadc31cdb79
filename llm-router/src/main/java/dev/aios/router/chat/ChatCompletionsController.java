package dev.aios.router.chat;

import dev.aios.router.client.LlmCallException;
import dev.aios.router.provider.TokenSink;
import dev.aios.router.provider.ToolCallDelta;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * OpenAI-compatible {@code POST /v1/chat/completions}, plain or streamed as server-sent events. Everything that can
 * be refused is refused before the response starts, so a stream only ever fails because a provider did.
 */
@RestController
class ChatCompletionsController {
    static final String SCRIPTED_HEADER = "X-AIOS-Scripted";

    private final RouterService router;
    private final Clock clock;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    ChatCompletionsController(RouterService router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> complete(@RequestBody String body, @RequestHeader HttpHeaders headers) {
        PreparedCall prepared = router.prepare(ChatCompletionsJson.parse(body, headers));
        if (prepared.call().stream()) {
            return stream(prepared);
        }
        RoutedAnswer answer = router.execute(prepared, token -> {});
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(SCRIPTED_HEADER, Boolean.toString(answer.reply().scripted()))
                .body(ChatCompletionsJson.completion(answer, clock.instant().getEpochSecond()));
    }

    private ResponseEntity<SseEmitter> stream(PreparedCall prepared) {
        SseEmitter emitter = new SseEmitter(0L);
        long created = clock.instant().getEpochSecond();
        String streamId = UUID.randomUUID().toString();
        // chunks name the first tier's model; the final chunk names the model that actually answered
        String model = prepared.firstModel();
        streams.execute(() -> {
            try {
                RoutedAnswer answer = router.execute(prepared, new TokenSink() {
                    @Override
                    public void accept(String token) {
                        send(emitter, ChatCompletionsJson.chunk(streamId, created, model, token));
                    }

                    @Override
                    public void acceptToolCall(ToolCallDelta delta) {
                        send(emitter, ChatCompletionsJson.toolCallChunk(streamId, created, model, delta));
                    }
                });
                send(emitter, ChatCompletionsJson.finalChunk(answer, created));
                send(emitter, "[DONE]");
                emitter.complete();
            } catch (LlmCallException e) {
                send(emitter, ProblemJson.streamError(e));
                emitter.complete();
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        // the header can only promise "scripted" when every tier the call may reach is scripted
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(SCRIPTED_HEADER, Boolean.toString(prepared.scriptedOnly()))
                .body(emitter);
    }

    private static void send(SseEmitter emitter, String data) {
        try {
            emitter.send(SseEmitter.event().data(data, MediaType.TEXT_PLAIN));
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    /** The caller hung up mid-stream; nothing is left to tell it. */
    private static final class ClientGone extends RuntimeException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }
}
