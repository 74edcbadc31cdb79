package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bearer token one AIOS service presents to the router ({@code AIOS_ROUTER_TOKEN}). The router keeps only its
 * {@link #sha256Hex() SHA-256 digest}; the token itself never appears in {@link #toString()}, logs or messages.
 */
public record RouterToken(String value) {
    /** 32 random bytes, URL-safe Base64 without padding: what {@link #generate()} and deploy/generate-env.sh make. */
    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    public RouterToken {
        requireNonNull(value, "router token");
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a router token must hold at least " + MIN_LENGTH
                    + " characters (e.g. 32 random bytes in Base64), this one holds " + value.length());
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a router token must be printable ASCII without spaces");
        }
    }

    /** A fresh token of 32 bytes from {@link SecureRandom}. */
    public static RouterToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new RouterToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The lower-case hex SHA-256 of the token's UTF-8 bytes: what {@code aios.router.clients.<service>.token-sha256} holds. */
    public String sha256Hex() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "RouterToken[redacted]";
    }
}
