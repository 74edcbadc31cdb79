package dev.aios.agent.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.agent.messaging.AmqpTls;
import dev.aios.agent.messaging.TopologyMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.SslBundles;

class BrokerTlsSettingsTest {
    private final DefaultListableBeanFactory noBundles = new DefaultListableBeanFactory();

    private static RabbitProperties.Ssl ssl(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("spring.rabbitmq", RabbitProperties.class)
                .getSsl();
    }

    @Test
    void isOffUnlessEnabled() {
        assertThat(BrokerTlsSettings.from(ssl(Map.of()), noBundles.getBeanProvider(SslBundles.class))
                        .enabled())
                .isFalse();
    }

    @Test
    void trustsTheJvmsCertificateAuthoritiesWhenEnabledWithoutATrustStore() {
        AmqpTls tls = BrokerTlsSettings.from(
                ssl(Map.of("spring.rabbitmq.ssl.enabled", "true")), noBundles.getBeanProvider(SslBundles.class));

        assertThat(tls.enabled()).isTrue();
        assertThat(tls.verifyHostname()).isTrue();
    }

    @Test
    void refusesToSkipServerCertificateValidation() {
        var insecure = ssl(Map.of(
                "spring.rabbitmq.ssl.enabled", "true", "spring.rabbitmq.ssl.validate-server-certificate", "false"));

        assertThatThrownBy(() -> BrokerTlsSettings.from(insecure, noBundles.getBeanProvider(SslBundles.class)))
                .hasMessageContaining("validate-server-certificate=false is not supported");
    }

    @Test
    void namesAnUnreadableTrustStore() {
        var missing = ssl(Map.of(
                "spring.rabbitmq.ssl.enabled", "true", "spring.rabbitmq.ssl.trust-store", "file:/nonexistent/ca.p12"));

        assertThatThrownBy(() -> BrokerTlsSettings.from(missing, noBundles.getBeanProvider(SslBundles.class)))
                .hasMessageContaining("cannot read the broker TLS trust store 'file:/nonexistent/ca.p12'");
    }

    @Test
    void needsSslBundlesWhenABundleIsNamed() {
        var bundle = ssl(Map.of("spring.rabbitmq.ssl.bundle", "rabbitmq"));

        assertThatThrownBy(() -> BrokerTlsSettings.from(bundle, noBundles.getBeanProvider(SslBundles.class)))
                .hasMessageContaining("spring.rabbitmq.ssl.bundle=rabbitmq but no SSL bundles are configured");
    }

    @Test
    void readsTheTopologyModeByName() {
        assertThat(TopologyMode.named("Verify")).isEqualTo(TopologyMode.VERIFY);
        assertThatThrownBy(() -> TopologyMode.named("create")).hasMessageContaining("declare or verify");
    }
}
