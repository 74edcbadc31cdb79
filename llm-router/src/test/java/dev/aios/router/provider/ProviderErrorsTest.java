package dev.aios.router.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.client.LlmCallException.Kind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderErrorsTest {

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}, retriable={3}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | {"error":{"type":"invalid_request_error"}}                         | INVALID_REQUEST      | false
            400 | {"error":{"code":"content_filter","message":"filtered"}}           | CONTENT_FILTERED     | false
            400 | {"error":{"code":"content_policy_violation"}}                       | CONTENT_FILTERED     | false
            401 | {"type":"error","error":{"type":"authentication_error"}}           | UNAUTHORIZED         | false
            403 | {"type":"error","error":{"type":"permission_error"}}               | UNAUTHORIZED         | false
            404 | {"type":"error","error":{"type":"not_found_error"}}                | INVALID_REQUEST      | false
            408 | timeout                                                            | TIMEOUT              | true
            413 | too large                                                          | INVALID_REQUEST      | false
            422 | unprocessable                                                      | INVALID_REQUEST      | false
            429 | {"error":{"code":"rate_limit_exceeded"}}                           | RATE_LIMITED         | true
            500 | {"error":{"type":"server_error"}}                                  | PROVIDER_UNAVAILABLE | true
            502 | <html>bad gateway</html>                                           | PROVIDER_UNAVAILABLE | true
            503 | unavailable                                                        | PROVIDER_UNAVAILABLE | true
            529 | {"type":"error","error":{"type":"overloaded_error"}}               | PROVIDER_UNAVAILABLE | true
            500 | {"error":{"code":"content_filter"}}                                | PROVIDER_UNAVAILABLE | true
            """)
    void mapsStatusAndBodyToOneKind(int status, String body, Kind kind, boolean retriable) {
        // when
        ProviderException e = ProviderErrors.fromStatus("fake", status, Optional.empty(), body);

        // then
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.retriable()).isEqualTo(retriable);
        assertThat(e.getMessage()).contains("fake answered HTTP " + status);
    }

    @Test
    void readsRetryAfterInSecondsAndAsHttpDate() {
        assertThat(ProviderErrors.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(ProviderErrors.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .contains(Duration.ZERO);
        assertThat(ProviderErrors.parseRetryAfter("soon")).isEmpty();
        assertThat(ProviderErrors.parseRetryAfter("-3")).isEmpty();
    }

    @Test
    void carriesRetryAfterOfA429() {
        ProviderException e = ProviderErrors.fromStatus("fake", 429, Optional.of("2"), "{}");

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }
}
