package dev.aios.standalone.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCommandTest {
    @TempDir
    Path home;

    @Test
    void mintsATokenWithTheRoleTenantAndLifetimeAsked() throws Exception {
        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TokenCommand.run(
                new String[] {"--role", "operator", "--tenant", "acme", "--ttl", "2h"},
                Map.of("AIOS_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        // then
        assertThat(exit).isZero();
        var claims =
                SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("operator");
        assertThat(claims.getStringClaim("tenant")).isEqualTo("acme");
        assertThat(claims.getSubject()).isEqualTo("cli-operator");
        assertThat(claims.getIssuer()).isEqualTo(LocalTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(LocalTokens.AUDIENCE);
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(2));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "--role",
                "--role root",
                "--tenant acme",
                "--role viewer --ttl forever",
                "--role viewer --ttl 0m",
                "--role viewer --ttl 400d",
                "--role viewer --tenant a/b",
                "--role viewer --colour blue",
                "viewer"
            })
    void refusesBadArgumentsWithExitTwoAndOneLine(String args) {
        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenCommand.run(
                args.isEmpty() ? new String[0] : args.split(" "),
                Map.of("AIOS_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        // then
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("aios: token: "));
    }

    @Test
    void keepsTheSameKeyAcrossRuns() throws Exception {
        String first =
                LocalTokens.open(Map.of("AIOS_HOME", home.toString())).mint("a", "viewer", "t", Duration.ofMinutes(5));
        LocalTokens again = LocalTokens.open(Map.of("AIOS_HOME", home.toString()));
        var verifier = new com.nimbusds.jose.crypto.RSASSAVerifier((java.security.interfaces.RSAPublicKey)
                java.security.KeyFactory.getInstance("RSA")
                        .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getMimeDecoder()
                                .decode(java.nio.file.Files.readString(home.resolve("signing-key.pub.pem"))
                                        .replace("-----BEGIN PUBLIC KEY-----", "")
                                        .replace("-----END PUBLIC KEY-----", "")))));
        assertThat(SignedJWT.parse(first).verify(verifier)).isTrue();
        assertThat(SignedJWT.parse(again.mint("b", "admin", "t", Duration.ofMinutes(5)))
                        .verify(verifier))
                .isTrue();
        assertThatThrownBy(() -> again.mint("c", "root", "t", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
