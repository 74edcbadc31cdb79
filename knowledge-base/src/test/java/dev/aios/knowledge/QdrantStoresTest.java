package dev.aios.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qdrant.client.grpc.Collections.Distance;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Qdrant adapter's setup, checked without a server (no Qdrant on our machines). */
class QdrantStoresTest {
    @Test
    void theCollectionMatchesTheEmbeddingModel() {
        assertThat(QdrantStores.vectorParams().getSize())
                .isEqualTo(KnowledgeBases.embeddingModel().dimension());
        assertThat(QdrantStores.vectorParams().getDistance()).isEqualTo(Distance.Cosine);
    }

    @Test
    void everyFilterFieldIsIndexed() {
        assertThat(QdrantStores.INDEXED_FIELDS).containsExactlyInAnyOrder("project_id", "source");
    }

    @Test
    void settingsRefuseBadValues() {
        assertThatThrownBy(() -> new QdrantSettings("q", 0, false, Optional.empty(), "c"))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new QdrantSettings("q", 6334, false, Optional.empty(), "a b"))
                .hasMessageContaining("collection");
        assertThat(QdrantSettings.of("qdrant").port()).isEqualTo(6334);
    }
}
