package dev.aios.orchestrator.knowledge;

import dev.aios.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when no knowledge base is wired: assignments carry only their dependencies' outputs, and it says so. */
public final class DisabledKnowledgeBase implements KnowledgeBase {
    private static final Logger log = LoggerFactory.getLogger(DisabledKnowledgeBase.class);

    public DisabledKnowledgeBase() {
        log.warn("no KnowledgeBase bean: task contexts get dependency outputs only, no relevant files from search");
    }

    @Override
    public void index(String projectId, String source, String text) {}

    @Override
    public void remove(String projectId, String source) {}

    @Override
    public List<KnowledgeHit> search(String projectId, String query, int maxResults) {
        return List.of();
    }

    @Override
    public List<KnowledgeHit> search(String projectId, String query, int maxResults, Set<String> sources) {
        return List.of();
    }
}
