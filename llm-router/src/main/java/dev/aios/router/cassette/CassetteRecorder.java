package dev.aios.router.cassette;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.Tools;
import dev.aios.router.provider.ProviderReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every exchange of a run to a cassette file. The whole file is rewritten (to a temporary file, then moved
 * over the old one) after each exchange, so a run that dies leaves a readable recording of what it did so far.
 */
public final class CassetteRecorder implements ExchangeRecorder {
    private static final Logger log = LoggerFactory.getLogger(CassetteRecorder.class);

    private final Path file;
    private final String recordedWith;
    private final String label;
    private final String recordedAt;
    private final List<Exchange> exchanges = new ArrayList<>();
    private Optional<RecordedProject> project = Optional.empty();

    public CassetteRecorder(Path file, String recordedWith, String label, Clock clock) {
        this.file = requireNonNull(file, "file").toAbsolutePath();
        this.recordedWith = requireNonNull(recordedWith, "recorded with");
        this.label = requireNonNull(label, "label");
        this.recordedAt = clock.instant().toString();
        Path dir = this.file.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException(
                    "cannot record to " + this.file + ": its directory does not exist or is not writable");
        }
        write(); // an empty recording now: a bad path fails at start, not after the first paid call
    }

    public Path file() {
        return file;
    }

    /** The submission the run was made for, so that a replay of the file needs nothing else. */
    public synchronized void project(RecordedProject recorded) {
        project = Optional.of(recorded);
        write();
    }

    @Override
    public synchronized void record(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            Tools tools,
            CallMetadata metadata,
            ProviderReply reply,
            long costMicros) {
        exchanges.add(new Exchange(
                exchanges.size() + 1,
                RequestDigest.of(messages, temperature, maxOutputTokens, tools, metadata),
                metadata.briefDigest(),
                metadata.promptVersion(),
                metadata.role(),
                metadata.taskId(),
                reply.tier(),
                reply.provider(),
                reply.model(),
                reply.content(),
                reply.tokens().inputTokens(),
                reply.tokens().outputTokens(),
                costMicros,
                "",
                reply.toolCalls(),
                reply.finishReason()));
        write();
    }

    @Override
    public synchronized void failed(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            Tools tools,
            CallMetadata metadata,
            LlmCallException failure) {
        exchanges.add(new Exchange(
                exchanges.size() + 1,
                RequestDigest.of(messages, temperature, maxOutputTokens, tools, metadata),
                metadata.briefDigest(),
                metadata.promptVersion(),
                metadata.role(),
                metadata.taskId(),
                "",
                "",
                "",
                String.valueOf(failure.getMessage()),
                0,
                0,
                0,
                failure.kind().name()));
        write();
    }

    public synchronized Cassette cassette() {
        return new Cassette(file.toString(), Cassette.VERSION, recordedAt, recordedWith, label, project, exchanges);
    }

    private void write() {
        String json = CassetteFile.write(cassette());
        try {
            Path temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.error("cassette {} could not be written: {}", file, e.getMessage());
            throw new UncheckedIOException("cannot write the cassette " + file, e);
        }
    }
}
