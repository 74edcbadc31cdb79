package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * How {@link AmqpConnections} secures its connections: {@link #off()} (plain AMQP) or TLS ({@code amqps}) with an
 * {@link SSLContext} that holds the trust store and, for mutual TLS, the client's key store. Server certificates are
 * always validated; the host name is checked unless {@code verifyHostname} is false.
 */
public record AmqpTls(@Nullable SSLContext context, boolean verifyHostname) {

    public static AmqpTls off() {
        return new AmqpTls(null, false);
    }

    public static AmqpTls using(SSLContext context, boolean verifyHostname) {
        return new AmqpTls(requireNonNull(context, "TLS context"), verifyHostname);
    }

    /**
     * TLS from store locations ({@code file:/etc/aios/tls/ca.p12}, {@code classpath:...}). No trust store: the JVM's
     * default trust (the public CAs); no key store: no client certificate.
     */
    public static AmqpTls fromStores(Stores stores, boolean verifyHostname) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(stores.trustStoreAlgorithm());
            trust.init(
                    stores.trustStore() == null
                            ? null
                            : load(
                                    stores.trustStore(),
                                    stores.trustStoreType(),
                                    stores.trustStorePassword(),
                                    "trust store"));
            KeyManagerFactory keys = null;
            if (stores.keyStore() != null) {
                KeyStore keyStore =
                        load(stores.keyStore(), stores.keyStoreType(), stores.keyStorePassword(), "key store");
                keys = KeyManagerFactory.getInstance(stores.keyStoreAlgorithm());
                keys.init(keyStore, password(stores.keyStorePassword()));
            }
            SSLContext context = SSLContext.getInstance(stores.protocol());
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return using(context, verifyHostname);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the broker's TLS context: " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return context != null;
    }

    private static KeyStore load(String location, String type, @Nullable String password, String what) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password(password));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot read the broker TLS " + what + " '" + location + "' (" + type + "): " + e.getMessage(), e);
        }
    }

    private static char @Nullable [] password(@Nullable String password) {
        return password == null ? null : password.toCharArray();
    }

    /** Where the stores are and how to open them (the same fields as {@code spring.rabbitmq.ssl.*}). */
    public record Stores(
            @Nullable String trustStore,
            String trustStoreType,
            @Nullable String trustStorePassword,
            String trustStoreAlgorithm,
            @Nullable String keyStore,
            String keyStoreType,
            @Nullable String keyStorePassword,
            String keyStoreAlgorithm,
            String protocol) {
        public Stores {
            requireNonNull(trustStoreType, "trust store type");
            requireNonNull(trustStoreAlgorithm, "trust store algorithm");
            requireNonNull(keyStoreType, "key store type");
            requireNonNull(keyStoreAlgorithm, "key store algorithm");
            requireNonNull(protocol, "protocol");
        }
    }
}
