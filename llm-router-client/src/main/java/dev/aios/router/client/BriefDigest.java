package dev.aios.router.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a brief: {@code sha256:} and the hex SHA-256 of its UTF-8 text, exactly as submitted. Recordings name
 * the briefs they were made for by it, and every call of a project carries it, so a recording answers only its brief.
 */
public final class BriefDigest {
    public static final String PREFIX = "sha256:";

    private BriefDigest() {}

    public static String of(String brief) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(brief.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first 12 hex digits: enough to tell briefs apart in a message. */
    public static String shortForm(String digest) {
        String hex = digest.startsWith(PREFIX) ? digest.substring(PREFIX.length()) : digest;
        return PREFIX + hex.substring(0, Math.min(12, hex.length()));
    }
}
