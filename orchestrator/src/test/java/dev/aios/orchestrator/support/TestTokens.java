package dev.aios.orchestrator.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in identity provider for the tests: one RSA key whose public half the orchestrator trusts (through the same
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings a deployment uses), and tokens signed with it.
 */
public final class TestTokens {
    public static final String ISSUER = "https://idp.aios.test/realms/aios";
    public static final String AUDIENCE = "aios";
    public static final String TENANT = "acme";

    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair UNTRUSTED = rsa();
    private static final Path PUBLIC_KEY = pem(TRUSTED.getPublic());

    private TestTokens() {}

    /** The orchestrator settings that make it trust these tokens. */
    public static Map<String, Object> properties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                        PUBLIC_KEY.toUri().toString(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** An admin of tenant {@value #TENANT}: what the tests that are not about access send. */
    public static String admin() {
        return token("test-admin", TENANT, "admin");
    }

    public static String token(String subject, String tenant, String... roles) {
        return sign(claims(subject, tenant, roles).build());
    }

    /** Valid claims (issuer, audience, ten minutes to live) for a test to change. */
    public static JWTClaimsSet.Builder claims(String subject, String tenant, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("tenant", tenant)
                .claim("roles", List.of(roles));
    }

    public static String sign(JWTClaimsSet claims) {
        return sign(claims, TRUSTED.getPrivate());
    }

    /** Signed by a key the orchestrator does not trust. */
    public static String forged(JWTClaimsSet claims) {
        return sign(claims, UNTRUSTED.getPrivate());
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    private static String sign(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pem(PublicKey key) {
        try {
            Path file = Files.createTempFile("aios-test-idp-", ".pub.pem");
            file.toFile().deleteOnExit();
            Files.writeString(
                    file,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
