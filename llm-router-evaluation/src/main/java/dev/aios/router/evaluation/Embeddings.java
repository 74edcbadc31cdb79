package dev.aios.router.evaluation;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.HashMap;
import java.util.Map;

/**
 * The in-process all-MiniLM-L6-v2 sentence embedding (the knowledge base's model, 384 dimensions) of each issue
 * text, computed once per run. An evaluation candidate only: it needs ONNX Runtime and milliseconds per prompt, so
 * it is not on the router's class path (docs/router-evaluation.md has the latency).
 */
final class Embeddings {
    static final int DIMENSIONS = 384;

    private final EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
    private final Map<String, float[]> byId = new HashMap<>();

    float[] of(SweTask task) {
        return byId.computeIfAbsent(task.id(), id -> embed(task.problem()));
    }

    float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
