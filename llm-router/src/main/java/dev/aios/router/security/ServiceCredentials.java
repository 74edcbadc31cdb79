package dev.aios.router.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services that may call the router, by the SHA-256 digest of their token and by their certificate names. A
 * presented token is hashed and compared with every digest in constant time, so neither the timing nor the stored
 * configuration gives a token away.
 */
public final class ServiceCredentials {
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, byte[]> digests;
    private final Map<String, String> certificateNames;

    private ServiceCredentials(Map<String, byte[]> digests, Map<String, String> certificateNames) {
        this.digests = digests;
        this.certificateNames = certificateNames;
    }

    /** Validates the configuration: a malformed digest or name stops the router at start, naming the property. */
    public static ServiceCredentials of(RouterClientsProperties properties) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, RouterClientsProperties.Client> clients =
                properties.clients() == null ? Map.of() : properties.clients();
        clients.forEach((service, client) -> {
            if (!SERVICE.matcher(service).matches()) {
                throw new IllegalStateException(
                        "aios.router.clients." + service + ": a service name is lower-case letters, digits and '-'");
            }
            String digest = client.tokenSha256() == null
                    ? ""
                    : client.tokenSha256().strip().toLowerCase(Locale.ROOT);
            if (!digest.isEmpty()) {
                if (!SHA256_HEX.matcher(digest).matches()) {
                    throw new IllegalStateException(
                            "aios.router.clients." + service + ".token-sha256 must be the 64 hex digits of"
                                    + " the token's SHA-256 (printf %s \"$TOKEN\" | sha256sum), not the token itself");
                }
                digests.put(service, HexFormat.of().parseHex(digest));
            }
            for (String name : client.certificateNames() == null ? List.<String>of() : client.certificateNames()) {
                String previous = names.put(name.strip().toLowerCase(Locale.ROOT), service);
                if (previous != null && !previous.equals(service)) {
                    throw new IllegalStateException(
                            "certificate name '" + name + "' is claimed by both " + previous + " and " + service);
                }
            }
        });
        return new ServiceCredentials(Map.copyOf(digests), Map.copyOf(names));
    }

    /** The service whose token this is; every digest is compared, whether or not an earlier one matched. */
    public Optional<String> serviceForToken(String token) {
        byte[] presented = sha256(token);
        String match = null;
        for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getValue()) && match == null) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The service a client certificate's CN or DNS SAN names, if any. */
    public Optional<String> serviceForCertificateName(String name) {
        return Optional.ofNullable(certificateNames.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    public boolean anyToken() {
        return !digests.isEmpty();
    }

    public boolean anyCertificate() {
        return !certificateNames.isEmpty();
    }

    /** The services that may call, for the start-up log line (never a digest). */
    public List<String> services() {
        return Stream.concat(digests.keySet().stream(), certificateNames.values().stream())
                .distinct()
                .sorted()
                .toList();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
