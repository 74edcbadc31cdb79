package dev.aios.standalone;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a brief must be before anything starts: UTF-8 text long enough to plan from and short enough for the API
 * ({@code SubmitProjectRequest} in the orchestrator applies the same bounds). JDK only, like {@link Preflight}.
 */
final class Briefs {
    static final int MIN_CHARACTERS = 40;
    static final int MAX_CHARACTERS = 20_000;

    private Briefs() {}

    static String decode(byte[] bytes, String file) throws BriefException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BriefException("the brief " + file + " is not UTF-8 text");
        }
    }

    static Optional<String> problem(String brief) {
        String text = brief.strip();
        if (text.isEmpty()) {
            return Optional.of("the brief is empty: say what to build");
        }
        if (text.length() < MIN_CHARACTERS) {
            return Optional.of("the brief is too short to plan from (" + text.length() + " characters; at least "
                    + MIN_CHARACTERS + "): say what to build, for whom, and what done looks like");
        }
        if (brief.length() > MAX_CHARACTERS) {
            return Optional.of(
                    "the brief is too long (" + brief.length() + " characters; at most " + MAX_CHARACTERS + ")");
        }
        if (brief.indexOf('\0') >= 0) {
            return Optional.of("the brief contains a NUL character: it must be text");
        }
        return Optional.empty();
    }

    /** The same digest the agents send and recordings are keyed by ({@code BriefDigest} in the router client). */
    static String digest(String brief) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(brief.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static final class BriefException extends Exception {
        BriefException(String message) {
            super(message);
        }
    }
}
