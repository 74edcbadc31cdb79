package dev.aios.orchestrator.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The two ways a deployment names its identity provider, against a local server that speaks the real protocols: a JWK
 * set document ({@code jwk-set-uri}) and OpenID discovery ({@code issuer-uri}, {@code /.well-known/openid-configuration}
 * naming the {@code jwks_uri}). The standalone launcher's public-key path is covered by AccessMatrixIT and PlatformIT.
 */
class TokenDecodersTest {
    static RSAKey trusted;
    static RSAKey untrusted;
    static HttpServer identityProvider;
    static String issuer;
    static final AtomicInteger discoveryReads = new AtomicInteger();

    @BeforeAll
    static void startAnIdentityProvider() throws Exception {
        trusted = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        untrusted = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        identityProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/realms/aios";
        String jwks = new JWKSet(trusted.toPublicJWK()).toString();
        identityProvider.createContext(
                "/realms/aios/protocol/openid-connect/certs", exchange -> answer(exchange, jwks));
        identityProvider.createContext("/realms/aios/.well-known/openid-configuration", exchange -> {
            discoveryReads.incrementAndGet();
            answer(exchange, """
                    {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                     "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer));
        });
        identityProvider.start();
    }

    @AfterAll
    static void stop() {
        identityProvider.stop(0);
    }

    @Test
    void aJwkSetUriAcceptsTheProvidersTokensAndRefusesAnotherKeysAndAnotherAudience() throws Exception {
        // given the orchestrator pointed at the provider's JWK set, with an audience
        JwtDecoder decoder = decoder(null, issuer + "/protocol/openid-connect/certs");

        // then a token signed by the provider's key is accepted, with its claims
        assertThat(decoder.decode(token(trusted, issuer, "aios")).getSubject()).isEqualTo("alice");
        // and one signed by another key with the same key id, or for another audience, is refused
        assertThatThrownBy(() -> decoder.decode(token(untrusted, issuer, "aios")))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(token(trusted, issuer, "billing")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void anIssuerUriIsDiscoveredOnTheFirstTokenAndItsIssuerIsChecked() throws Exception {
        // given the orchestrator names only the issuer: nothing is fetched at start
        int before = discoveryReads.get();
        JwtDecoder decoder = decoder(issuer, null);
        assertThat(discoveryReads.get()).isEqualTo(before);

        // when the first token arrives, then discovery finds the keys and the token is accepted
        assertThat(decoder.decode(token(trusted, issuer, "aios")).getSubject()).isEqualTo("alice");
        assertThat(discoveryReads.get()).isGreaterThan(before);
        // and a token of the same key that names another issuer is refused
        assertThatThrownBy(() -> decoder.decode(token(trusted, "https://evil.example/realms/aios", "aios")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void refusesToStartWithNoWayToCheckATokenNamingTheSettings() {
        assertThatThrownBy(() -> decoder(null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuer-uri, jwk-set-uri or public-key-location");
    }

    private static JwtDecoder decoder(String issuerUri, String jwkSetUri) throws Exception {
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setIssuerUri(issuerUri);
        properties.getJwt().setJwkSetUri(jwkSetUri);
        properties.getJwt().setAudiences(List.of("aios"));
        return new TokenDecoders().jwtDecoder(properties, List.of());
    }

    private static String token(RSAKey key, String tokenIssuer, String audience) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject("alice")
                        .issuer(tokenIssuer)
                        .audience(audience)
                        .claim("roles", List.of("viewer"))
                        .claim("tenant", "acme")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
