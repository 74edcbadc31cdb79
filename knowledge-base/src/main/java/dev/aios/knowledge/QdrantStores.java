package dev.aios.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens the Qdrant-backed store: creates the shared collection (384-dim cosine vectors) and keyword indexes on the
 * filter fields when missing, so every project-filtered search uses an index instead of a scan.
 */
final class QdrantStores {
    static final int DIMENSIONS = 384;
    static final List<String> INDEXED_FIELDS =
            List.of(EmbeddingKnowledgeBase.PROJECT_ID, EmbeddingKnowledgeBase.SOURCE);
    private static final long TIMEOUT_SECONDS = 30;

    private QdrantStores() {}

    static EmbeddingStore<TextSegment> open(QdrantSettings settings) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(settings.host(), settings.port(), settings.tls());
        settings.apiKey().ifPresent(grpc::withApiKey);
        QdrantClient client = new QdrantClient(grpc.build());
        try {
            if (!client.collectionExistsAsync(settings.collection()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                client.createCollectionAsync(settings.collection(), vectorParams())
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (String field : INDEXED_FIELDS) {
                    client.createPayloadIndexAsync(
                                    settings.collection(), field, PayloadSchemaType.Keyword, null, true, null, null)
                            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            client.close();
            throw new IllegalStateException(
                    "cannot prepare qdrant collection " + settings.collection() + " at " + settings.host() + ":"
                            + settings.port() + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new IllegalStateException("interrupted while preparing qdrant", e);
        }
        return QdrantEmbeddingStore.builder()
                .client(client)
                .collectionName(settings.collection())
                .build();
    }

    static VectorParams vectorParams() {
        return VectorParams.newBuilder()
                .setSize(DIMENSIONS)
                .setDistance(Distance.Cosine)
                .build();
    }
}
