package dev.aios.agent.messaging.internal;

import dev.aios.agent.messaging.AmqpTls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Turns {@code spring.rabbitmq.ssl.*} into an {@link AmqpTls}: an SSL bundle ({@code spring.ssl.bundle.*}) when
 * {@code bundle} is set, else the trust and key stores; off unless enabled. Disabling server-certificate validation is
 * refused rather than honoured: a broker connection that trusts anyone is not TLS.
 */
public final class BrokerTlsSettings {
    private BrokerTlsSettings() {}

    public static AmqpTls from(RabbitProperties.Ssl ssl, ObjectProvider<SslBundles> bundles) {
        SslBundles available = bundles.getIfAvailable();
        boolean hasBundle = ssl.getBundle() != null && !ssl.getBundle().isBlank();
        if (!ssl.determineEnabled() && !hasBundle) {
            return AmqpTls.off();
        }
        if (!ssl.isValidateServerCertificate()) {
            throw new IllegalStateException("spring.rabbitmq.ssl.validate-server-certificate=false is not supported: "
                    + "give the broker's CA in spring.rabbitmq.ssl.trust-store or an SSL bundle instead");
        }
        if (hasBundle) {
            if (available == null) {
                throw new IllegalStateException(
                        "spring.rabbitmq.ssl.bundle=" + ssl.getBundle() + " but no SSL bundles are configured");
            }
            SslBundle bundle = available.getBundle(ssl.getBundle());
            return AmqpTls.using(bundle.createSslContext(), ssl.isVerifyHostname());
        }
        return AmqpTls.fromStores(
                new AmqpTls.Stores(
                        ssl.getTrustStore(),
                        ssl.getTrustStoreType(),
                        ssl.getTrustStorePassword(),
                        ssl.getTrustStoreAlgorithm(),
                        ssl.getKeyStore(),
                        ssl.getKeyStoreType(),
                        ssl.getKeyStorePassword(),
                        ssl.getKeyStoreAlgorithm(),
                        ssl.getAlgorithm() == null ? "TLS" : ssl.getAlgorithm()),
                ssl.isVerifyHostname());
    }
}
