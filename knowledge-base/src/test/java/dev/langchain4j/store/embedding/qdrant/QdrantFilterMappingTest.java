package dev.langchain4j.store.embedding.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.knowledge.EmbeddingKnowledgeBase;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the knowledge base's filters reach Qdrant, checked against langchain4j's own converter (package-private,
 * hence this package) without a server: project isolation must become a keyword match that Qdrant enforces.
 */
class QdrantFilterMappingTest {
    @Test
    void theProjectFilterIsAKeywordMatchOnProjectId() {
        Filter filter = QdrantFilterConverter.convertExpression(EmbeddingKnowledgeBase.projectFilter("p-1"));

        assertThat(keywordMatches(filter.getMustList())).containsExactly("project_id=p-1");
        assertThat(filter.getShouldList()).isEmpty();
        assertThat(filter.getMustNotList()).isEmpty();
    }

    @Test
    void theSourceFilterRequiresBothProjectAndSource() {
        Filter filter =
                QdrantFilterConverter.convertExpression(EmbeddingKnowledgeBase.sourceFilter("p-1", "app/server.py"));

        assertThat(flatten(filter)).containsExactlyInAnyOrder("project_id=p-1", "source=app/server.py");
        assertThat(filter.getShouldList()).isEmpty();
    }

    private static List<String> flatten(Filter filter) {
        return filter.getMustList().stream()
                .flatMap(c -> c.hasFilter() ? flatten(c.getFilter()).stream() : keywordMatches(List.of(c)).stream())
                .toList();
    }

    private static List<String> keywordMatches(List<Condition> conditions) {
        return conditions.stream()
                .map(c -> c.getField().getKey() + "=" + c.getField().getMatch().getKeyword())
                .toList();
    }
}
