package dev.aios.router.cassette;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.BriefDigest;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.provider.ChatProvider;
import dev.aios.router.provider.ProviderException;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import dev.aios.router.provider.TokenSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Answers calls from recordings, never from a model. A call is answered only if its brief was recorded and its request
 * (see {@link RequestDigest}) matches a recorded exchange that its project has not used yet (each project replays its
 * own copy of the recording, so a recorded brief can be submitted again on the same platform); anything else is refused with
 * {@code NOT_RECORDED}, naming the call, so a project of another brief fails and a replay that diverges stops at the
 * first call that differs. Every answer is marked scripted and carries the cost it had when it was recorded.
 */
public final class ReplayChatProvider implements ChatProvider {
    public static final String PROVIDER = "replay";

    private final List<Cassette> cassettes;
    private final Map<String, Cassette> cassetteOfBrief = new LinkedHashMap<>();
    private final Map<String, List<Exchange>> recorded = new HashMap<>();
    private final Map<String, Map<String, Deque<Exchange>>> unusedByProject = new HashMap<>();
    private final Map<String, List<Exchange>> byTask = new HashMap<>();

    public ReplayChatProvider(List<Cassette> cassettes) {
        this.cassettes = List.copyOf(cassettes);
        for (Cassette cassette : this.cassettes) {
            cassette.briefDigests().forEach(brief -> cassetteOfBrief.putIfAbsent(brief, cassette));
            for (Exchange e : cassette.exchanges()) {
                recorded.computeIfAbsent(e.requestDigest(), d -> new ArrayList<>())
                        .add(e);
                byTask.computeIfAbsent(taskKey(e.briefDigest(), e.role(), e.taskId()), k -> new ArrayList<>())
                        .add(e);
            }
        }
    }

    public List<Cassette> cassettes() {
        return cassettes;
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        CallMetadata m = request.metadata();
        Cassette cassette = cassetteOfBrief.get(m.briefDigest());
        if (cassette == null) {
            throw ProviderException.notRecorded(noRecordingOfBrief(m.briefDigest()));
        }
        String digest = RequestDigest.of(
                request.messages(), request.temperature(), request.maxOutputTokens(), request.tools(), m);
        Exchange exchange;
        synchronized (this) {
            Deque<Exchange> left = unusedByProject
                    .computeIfAbsent(m.projectId(), p -> new HashMap<>())
                    .computeIfAbsent(digest, d -> new ArrayDeque<>(recorded.getOrDefault(d, List.of())));
            exchange = left.poll();
        }
        if (exchange == null) {
            throw ProviderException.notRecorded(diverged(cassette, m, digest));
        }
        if (exchange.failed()) {
            throw ProviderException.replayed(LlmCallException.Kind.valueOf(exchange.errorKind()), exchange.response());
        }
        if (request.stream()) {
            TokenSink.replay(exchange.response(), exchange.toolCalls(), sink);
        }
        return new ProviderReply(
                exchange.response(),
                exchange.tier(),
                PROVIDER,
                exchange.model(),
                new TokenUsage(exchange.inputTokens(), exchange.outputTokens()),
                false,
                false,
                true,
                OptionalLong.of(exchange.costMicros()),
                exchange.toolCalls(),
                exchange.finishReason());
    }

    /** What the recordings hold, for messages and the launcher: {@code url-shortener (sha256:1a2b…)}. */
    public String recordedBriefs() {
        if (cassetteOfBrief.isEmpty()) {
            return "none";
        }
        return cassetteOfBrief.entrySet().stream()
                .map(e -> name(e.getValue()) + " (" + BriefDigest.shortForm(e.getKey()) + ")")
                .collect(Collectors.joining(", "));
    }

    private String noRecordingOfBrief(String briefDigest) {
        String which = briefDigest.isEmpty()
                ? "this call names no brief"
                : "no recording is of this brief (" + BriefDigest.shortForm(briefDigest) + ")";
        return "no model is configured and " + which + ": recordings exist only for " + recordedBriefs()
                + ". Set ANTHROPIC_API_KEY or OPENAI_API_KEY, point AIOS_LOCAL_MODEL_URL at an OpenAI-compatible server"
                + " (Ollama, vLLM, llama.cpp), or replay a recording of this brief.";
    }

    private String diverged(Cassette cassette, CallMetadata m, String digest) {
        String call = m.role() + "/" + m.taskId() + (m.promptVersion().isEmpty() ? "" : " (" + m.promptVersion() + ")");
        List<Exchange> sameTask = byTask.getOrDefault(taskKey(m.briefDigest(), m.role(), m.taskId()), List.of());
        StringBuilder why = new StringBuilder("replay of ")
                .append(cassette.title())
                .append(" diverged at ")
                .append(call);
        if (sameTask.stream().anyMatch(e -> e.requestDigest().equals(digest))) {
            why.append(": the recording answered this exact request ")
                    .append(sameTask.stream()
                            .filter(e -> e.requestDigest().equals(digest))
                            .count())
                    .append(" time(s) and the run asks it once more");
        } else if (sameTask.isEmpty()) {
            why.append(": the recording has no call of ")
                    .append(m.role())
                    .append('/')
                    .append(m.taskId());
        } else {
            why.append(": the request (")
                    .append(shortDigest(digest))
                    .append(") differs from the recorded ")
                    .append(sameTask.stream()
                            .map(e -> e.describe() + " " + shortDigest(e.requestDigest()))
                            .collect(Collectors.joining(", ")));
            sameTask.stream()
                    .map(Exchange::promptVersion)
                    .filter(p -> !p.equals(m.promptVersion()))
                    .findFirst()
                    .ifPresent(p -> why.append("; it was recorded with prompt ").append(p));
            why.append(" (the prompt, the task's context or an earlier answer changed)");
        }
        return why.toString();
    }

    private static String name(Cassette cassette) {
        return cassette.project().map(RecordedProject::name).orElse(cassette.title());
    }

    private static String shortDigest(String digest) {
        return BriefDigest.shortForm(digest);
    }

    private static String taskKey(String brief, String role, String taskId) {
        return requireNonNull(brief) + "\u0000" + role + "\u0000" + taskId;
    }
}
