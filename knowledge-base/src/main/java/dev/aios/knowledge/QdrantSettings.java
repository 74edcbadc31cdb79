package dev.aios.knowledge;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Where the deployments' Qdrant is: gRPC host and port, TLS, API key, and the one collection all projects share. */
public record QdrantSettings(String host, int port, boolean tls, Optional<String> apiKey, String collection) {
    public static final int DEFAULT_GRPC_PORT = 6334;
    public static final String DEFAULT_COLLECTION = "aios_knowledge";

    public QdrantSettings {
        requireNonNull(host, "host");
        requireNonNull(apiKey, "api key");
        requireNonNull(collection, "collection");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("qdrant port out of range: " + port);
        }
        if (!collection.matches("[A-Za-z0-9_-]{1,255}")) {
            throw new IllegalArgumentException("qdrant collection name must be letters, digits, _ or -: " + collection);
        }
    }

    public static QdrantSettings of(String host) {
        return new QdrantSettings(host, DEFAULT_GRPC_PORT, false, Optional.empty(), DEFAULT_COLLECTION);
    }
}
