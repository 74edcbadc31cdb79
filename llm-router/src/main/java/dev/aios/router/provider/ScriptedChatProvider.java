package dev.aios.router.provider;

import dev.aios.router.client.LlmCallException;
import java.util.List;
import java.util.Optional;

/**
 * Replays recorded answers: the first entry (across recordings, in order) whose given match fields all match
 * answers. Every reply is marked scripted, because no model produced it.
 */
public final class ScriptedChatProvider implements ChatProvider {
    public static final String PROVIDER = "scripted";

    private final String tier;
    private final List<ScriptedRecording> recordings;

    public ScriptedChatProvider(String tier, List<ScriptedRecording> recordings) {
        this.tier = tier;
        this.recordings = List.copyOf(recordings);
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        ScriptedRecording.Entry entry = find(request).orElseThrow(() -> new ProviderException(
                LlmCallException.Kind.INVALID_REQUEST,
                "no scripted recording matches role '" + request.metadata().role() + "', task '"
                        + request.metadata().taskId() + "' (" + recordings.size() + " recordings loaded)",
                Optional.empty(),
                false,
                null));
        if (request.stream()) {
            sink.accept(entry.response());
        }
        return new ProviderReply(
                entry.response(), tier, PROVIDER, "scripted", entry.inputTokens(), entry.outputTokens(), false, false, true);
    }

    private Optional<ScriptedRecording.Entry> find(ProviderRequest request) {
        return recordings.stream()
                .flatMap(recording -> recording.entries().stream())
                .filter(entry -> entry.matches(request))
                .findFirst();
    }
}
