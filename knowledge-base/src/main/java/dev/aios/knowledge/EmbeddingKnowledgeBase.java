package dev.aios.knowledge;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static java.util.Objects.requireNonNull;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.List;
import java.util.Set;

/**
 * The knowledge base on langchain4j: documents are split into chunks, each embedded together with its source
 * name (so "the HTTP handler" finds {@code server.py}), and stored with project and source metadata. Every
 * search and removal is filtered by project; re-indexing a source first removes its old chunks.
 */
public final class EmbeddingKnowledgeBase implements KnowledgeBase {
    static final String PROJECT_ID = "project_id";
    static final String SOURCE = "source";

    private final EmbeddingModel model;
    private final EmbeddingStore<TextSegment> store;
    private final DocumentSplitter splitter;

    public EmbeddingKnowledgeBase(EmbeddingModel model, EmbeddingStore<TextSegment> store, DocumentSplitter splitter) {
        this.model = requireNonNull(model, "embedding model");
        this.store = requireNonNull(store, "embedding store");
        this.splitter = requireNonNull(splitter, "splitter");
    }

    @Override
    public void index(String projectId, String source, String text) {
        requireIds(projectId, source);
        requireNonNull(text, "text");
        List<TextSegment> chunks = text.isBlank()
                ? List.of()
                : splitter.split(Document.from(
                        text, new Metadata().put(PROJECT_ID, projectId).put(SOURCE, source)));
        // embed before touching the store, so a failing model leaves the old chunks in place
        List<Embedding> embeddings = chunks.isEmpty()
                ? List.of()
                : model.embedAll(chunks.stream()
                                .map(c -> TextSegment.from(source + "\n" + c.text()))
                                .toList())
                        .content();
        synchronized (this) {
            store.removeAll(sourceFilter(projectId, source));
            if (!chunks.isEmpty()) {
                store.addAll(embeddings, chunks);
            }
        }
    }

    @Override
    public synchronized void remove(String projectId, String source) {
        requireIds(projectId, source);
        store.removeAll(sourceFilter(projectId, source));
    }

    @Override
    public List<KnowledgeHit> search(String projectId, String query, int maxResults) {
        return search(projectFilter(requireNonNull(projectId, "project id")), query, maxResults);
    }

    @Override
    public List<KnowledgeHit> search(String projectId, String query, int maxResults, Set<String> sources) {
        requireNonNull(projectId, "project id");
        if (sources.isEmpty()) {
            return List.of();
        }
        return search(projectFilter(projectId).and(metadataKey(SOURCE).isIn(sources)), query, maxResults);
    }

    private List<KnowledgeHit> search(Filter filter, String query, int maxResults) {
        requireNonNull(query, "query");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1: " + maxResults);
        }
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(model.embed(query).content())
                .maxResults(maxResults)
                .minScore(0.0)
                .filter(filter)
                .build();
        return store.search(request).matches().stream()
                .map(match -> new KnowledgeHit(
                        match.embedded().metadata().getString(SOURCE),
                        match.embedded().text(),
                        match.score()))
                .toList();
    }

    /** The filter on every search: chunks of this project only (public so store adapters can be checked). */
    public static Filter projectFilter(String projectId) {
        return metadataKey(PROJECT_ID).isEqualTo(projectId);
    }

    /** The filter for one source of one project: what re-indexing and removal delete. */
    public static Filter sourceFilter(String projectId, String source) {
        return projectFilter(projectId).and(metadataKey(SOURCE).isEqualTo(source));
    }

    private static void requireIds(String projectId, String source) {
        if (requireNonNull(projectId, "project id").isBlank()
                || requireNonNull(source, "source").isBlank()) {
            throw new IllegalArgumentException("project id and source must not be blank");
        }
    }
}
