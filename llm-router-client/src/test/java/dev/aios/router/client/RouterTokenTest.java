package dev.aios.router.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterTokenTest {

    @Test
    void generatesDistinctTokensLongEnoughToBeAccepted() {
        // when
        RouterToken first = RouterToken.generate();
        RouterToken second = RouterToken.generate();

        // then
        assertThat(first).isNotEqualTo(second);
        assertThat(first.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void digestsAsTheLowerCaseHexSha256OfItsText() {
        // given the digest `printf %s <token> | sha256sum` prints
        RouterToken token = new RouterToken("abcdefghijklmnopqrstuvwxyz0123456789");

        // then
        assertThat(token.sha256Hex()).isEqualTo("011fc2994e39d251141540f87a69092b3f22a86767f7283de7eeedb3897bedf6");
    }

    @Test
    void neverPrintsItsValue() {
        RouterToken token = RouterToken.generate();

        assertThat(token.toString()).doesNotContain(token.value()).isEqualTo("RouterToken[redacted]");
    }

    @Test
    void refusesShortOrBlankTokens() {
        assertThatThrownBy(() -> new RouterToken("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> new RouterToken("a token with spaces in it that is long enough"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without spaces");
    }
}
