package dev.aios.agent.messaging;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedConsumer;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Opens the adapter's two connections (publisher and consumer are kept apart so a broker alarm that blocks
 * publishing cannot stall acks), with automatic recovery and a consumer pool that tolerates long-running handlers;
 * over TLS ({@code amqps}) when given an enabled {@link AmqpTls}.
 */
public final class AmqpConnections implements AutoCloseable {
    private final Connection publisher;
    private final Connection consumer;
    private final ExecutorService consumerPool;

    public AmqpConnections(
            String host, int port, String username, String password, String virtualHost, String clientName) {
        this(host, port, username, password, virtualHost, clientName, AmqpTls.off());
    }

    public AmqpConnections(
            String host,
            int port,
            String username,
            String password,
            String virtualHost,
            String clientName,
            AmqpTls tls) {
        ConnectionFactory factory = new ConnectionFactory();
        SSLContext context = tls.context();
        if (context != null) {
            factory.useSslProtocol(context);
            if (tls.verifyHostname()) {
                factory.enableHostnameVerification();
            }
        }
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        // Our topology is durable and declared idempotently at start, on short-lived channels that recovery could not
        // reuse: recover only the consumers.
        factory.setTopologyRecoveryFilter(new TopologyRecoveryFilter() {
            @Override
            public boolean filterExchange(RecordedExchange exchange) {
                return false;
            }

            @Override
            public boolean filterQueue(RecordedQueue queue) {
                return false;
            }

            @Override
            public boolean filterBinding(RecordedBinding binding) {
                return false;
            }

            @Override
            public boolean filterConsumer(RecordedConsumer consumer) {
                return true;
            }
        });
        factory.setNetworkRecoveryInterval(1000);
        factory.setRequestedHeartbeat(20);
        this.consumerPool = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "aios-consumer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.publisher = factory.newConnection(clientName + "-publisher");
            factory.setSharedExecutor(consumerPool);
            this.consumer = factory.newConnection(clientName + "-consumer");
        } catch (IOException e) {
            consumerPool.shutdownNow();
            throw new UncheckedIOException(
                    "cannot connect to the broker at " + scheme(tls) + host + ":" + port + virtualHost + ": "
                            + describe(e),
                    e);
        } catch (TimeoutException e) {
            consumerPool.shutdownNow();
            throw new IllegalStateException("broker connection timed out at " + host + ":" + port, e);
        }
    }

    private static String scheme(AmqpTls tls) {
        return tls.enabled() ? "amqps://" : "amqp://";
    }

    private static String describe(IOException e) {
        // A TLS handshake failure arrives as an SSLException whose message names the cause (unknown CA, wrong host...).
        return e.getMessage() != null
                ? e.getMessage()
                : e.getCause() != null ? String.valueOf(e.getCause()) : e.toString();
    }

    public Connection publisher() {
        return publisher;
    }

    public Connection consumer() {
        return consumer;
    }

    @Override
    public void close() {
        closeQuietly(consumer);
        closeQuietly(publisher);
        consumerPool.shutdownNow();
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close(5_000);
            }
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
            // the broker is gone already: nothing to release
        }
    }
}
