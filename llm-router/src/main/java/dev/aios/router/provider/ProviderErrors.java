package dev.aios.router.provider;

import dev.aios.router.client.LlmCallException.Kind;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where provider HTTP statuses, bodies and transport failures become the retriable / non-retriable
 * taxonomy. Retriable: 408, 429, 5xx (incl. Anthropic's 529), timeouts, connection failures, malformed bodies.
 * Non-retriable: 400, 401, 403, 404, 413, 422 and content filtering.
 */
public final class ProviderErrors {
    private static final int MAX_DETAIL = 300;

    private ProviderErrors() {}

    public static ProviderException fromStatus(String provider, int status, Optional<String> retryAfter, String body) {
        Kind kind = kindOf(status, body);
        String detail = provider + " answered HTTP " + status + ": " + abbreviate(body);
        return new ProviderException(kind, detail, retryAfter.flatMap(ProviderErrors::parseRetryAfter), false, null);
    }

    static Kind kindOf(int status, String body) {
        if (mentionsContentFilter(body) && status / 100 == 4) {
            return Kind.CONTENT_FILTERED;
        }
        return switch (status) {
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 408 -> Kind.TIMEOUT;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.PROVIDER_UNAVAILABLE : Kind.INVALID_REQUEST;
        };
    }

    public static ProviderException contentFiltered(String provider, String reason) {
        return new ProviderException(
                Kind.CONTENT_FILTERED, provider + " withheld the answer: " + reason, Optional.empty(), false, null);
    }

    public static ProviderException malformed(String provider, String what, Throwable cause) {
        return new ProviderException(
                Kind.PROVIDER_UNAVAILABLE,
                provider + " answered with a malformed body: " + what,
                Optional.empty(),
                false,
                cause);
    }

    public static ProviderException transport(String provider, IOException e) {
        if (e instanceof HttpTimeoutException) {
            return timeout(provider, e.getMessage(), e);
        }
        return new ProviderException(
                Kind.PROVIDER_UNAVAILABLE, provider + " unreachable: " + e, Optional.empty(), false, e);
    }

    public static ProviderException timeout(String provider, String detail, Throwable cause) {
        return new ProviderException(
                Kind.TIMEOUT, provider + " did not answer in time: " + detail, Optional.empty(), false, cause);
    }

    public static ProviderException unavailable(String provider, String detail, boolean breakerOpen, Throwable cause) {
        return new ProviderException(
                Kind.PROVIDER_UNAVAILABLE, provider + ": " + detail, Optional.empty(), breakerOpen, cause);
    }

    /** The shared rate limit for this provider is spent for longer than the router may wait: another tier may answer. */
    public static ProviderException throttled(String provider, String detail, Duration retryAfter) {
        return new ProviderException(Kind.RATE_LIMITED, provider + ": " + detail, Optional.of(retryAfter), true, null);
    }

    public static ProviderException invalid(String provider, String detail) {
        return new ProviderException(Kind.INVALID_REQUEST, provider + ": " + detail, Optional.empty(), false, null);
    }

    private static boolean mentionsContentFilter(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return lower.contains("content_filter") || lower.contains("content_policy");
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "…";
    }
}
