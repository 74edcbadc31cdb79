package dev.aios.standalone.tokens;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The standalone's token issuer: an RSA signing key under {@code $AIOS_HOME} (default {@code ~/.aios}), created on
 * first use, whose public half the orchestrator trusts through the same resource-server settings a deployment points
 * at its identity provider. Every file it writes is readable by its owner only (0600, the directory 0700).
 */
public final class LocalTokens {
    public static final String ISSUER = "urn:aios:standalone";
    public static final String AUDIENCE = "aios";
    public static final String DEFAULT_TENANT = "default";
    public static final Set<String> ROLES = Set.of("viewer", "submitter", "operator", "admin");
    static final Duration ADMIN_TOKEN_TTL = Duration.ofDays(30);

    private static final String PRIVATE_KEY = "signing-key.pem";
    private static final String PUBLIC_KEY = "signing-key.pub.pem";
    private static final String ADMIN_TOKEN = "admin.token";

    private final Path home;
    private final PrivateKey signingKey;

    private LocalTokens(Path home, PrivateKey signingKey) {
        this.home = home;
        this.signingKey = signingKey;
    }

    /** The issuer of {@link #home(Map)}, creating its key the first time. */
    public static LocalTokens open(Map<String, String> env) throws IOException {
        Path home = home(env);
        try {
            if (!Files.isDirectory(home)) {
                Files.createDirectories(
                        home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path privateKey = home.resolve(PRIVATE_KEY);
            if (!Files.exists(privateKey)) {
                create(home);
            }
            return new LocalTokens(home, readPrivateKey(privateKey));
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "the signing key under " + home + " is unusable (" + e.getMessage() + "): delete "
                            + home.resolve(PRIVATE_KEY) + " and " + home.resolve(PUBLIC_KEY) + " to make a new one",
                    e);
        }
    }

    /** {@code $AIOS_HOME}, else {@code ~/.aios}. */
    public static Path home(Map<String, String> env) {
        String configured = env.get("AIOS_HOME");
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".aios");
    }

    public Path adminTokenFile() {
        return home.resolve(ADMIN_TOKEN);
    }

    /** A fresh admin token (tenant {@value #DEFAULT_TENANT}, 30 days) in {@code admin.token}; returns the file. */
    public Path writeAdminToken() throws IOException {
        writePrivate(adminTokenFile(), mint("admin", "admin", DEFAULT_TENANT, ADMIN_TOKEN_TTL) + "\n");
        return adminTokenFile();
    }

    /** A signed token for {@code subject} with one role in one tenant, valid for {@code ttl}. */
    public String mint(String subject, String role, String tenant, Duration ttl) {
        requireNonNull(subject, "subject");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException(
                    "unknown role '" + role + "': choose one of viewer, submitter, operator, admin");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", List.of(role))
                .claim("tenant", tenant)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }

    /** What the orchestrator needs to trust these tokens (the same settings a deployment gives its IdP's). */
    public Map<String, Object> orchestratorProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                        home.resolve(PUBLIC_KEY).toUri().toString(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    private static void create(Path home) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair pair = generator.generateKeyPair();
        writePrivate(
                home.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        try {
            // the private key last, and only if no other launcher made one meanwhile: its presence means "key ready"
            Path file = Files.createFile(
                    home.resolve(PRIVATE_KEY + ".new"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(file, home.resolve(PRIVATE_KEY), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException another) {
            throw new IOException("another launcher is creating the signing key in " + home + ": try again", another);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
    }

    /** Writes {@code text} to {@code file} with mode 0600, replacing it atomically. */
    private static void writePrivate(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(
                file.getParent(),
                file.getFileName() + ".",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
