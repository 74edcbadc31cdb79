package dev.aios.router.cassette;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a call as a recording matches it: everything the model sees (messages, sampling, output limit) and
 * what places it in a run (brief, prompt version, role, task). The project id, the budget and the tier are left out: a
 * replay of the same brief is another project, and the tier is the router's choice, not the call's.
 */
public final class RequestDigest {
    private RequestDigest() {}

    public static String of(List<ChatMessage> messages, double temperature, int maxOutputTokens, CallMetadata metadata) {
        StringBuilder canonical = new StringBuilder("aios-request-v1\u0000");
        field(canonical, "brief", metadata.briefDigest());
        field(canonical, "prompt", metadata.promptVersion());
        field(canonical, "role", metadata.role());
        field(canonical, "task", metadata.taskId());
        field(canonical, "temperature", Double.toString(temperature));
        field(canonical, "max_tokens", Integer.toString(maxOutputTokens));
        for (ChatMessage m : messages) {
            field(canonical, m.role(), m.content());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void field(StringBuilder canonical, String name, String value) {
        // lengths first, so that no choice of text can make two different calls read alike
        canonical.append(name.length()).append(':').append(name).append(value.length()).append(':').append(value).append('\u0000');
    }
}
