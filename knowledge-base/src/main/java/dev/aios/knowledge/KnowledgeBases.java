package dev.aios.knowledge;

import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

/** Ready-made knowledge bases: in memory (standalone) or on Qdrant (deployments), both embedding in-process. */
public final class KnowledgeBases {
    /** Chunks of about a screenful; the overlap keeps a function and its caller together across a cut. */
    static final int CHUNK_CHARS = 1000;

    static final int CHUNK_OVERLAP_CHARS = 150;

    private KnowledgeBases() {}

    public static KnowledgeBase inMemory() {
        return on(new InMemoryEmbeddingStore<>());
    }

    public static KnowledgeBase qdrant(QdrantSettings settings) {
        return on(QdrantStores.open(settings));
    }

    public static KnowledgeBase on(EmbeddingStore<TextSegment> store) {
        return new EmbeddingKnowledgeBase(embeddingModel(), store, splitter());
    }

    /** all-MiniLM-L6-v2 runs in-process (ONNX in the jar): 384 dimensions, no network, no API key. */
    public static EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2EmbeddingModel();
    }

    static DocumentSplitter splitter() {
        return DocumentSplitters.recursive(CHUNK_CHARS, CHUNK_OVERLAP_CHARS);
    }
}
