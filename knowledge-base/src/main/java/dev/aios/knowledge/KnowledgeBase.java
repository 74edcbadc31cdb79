package dev.aios.knowledge;

import java.util.List;
import java.util.Set;

/**
 * The knowledge base of every project: documents (the brief, architecture notes, workspace files) cut into
 * chunks, embedded in-process, and searched by meaning, always filtered by project.
 */
public interface KnowledgeBase {
    /** Replaces whatever was indexed for this project and source (e.g. a file path) with the new text. */
    void index(String projectId, String source, String text);

    /** Forgets one source (a deleted file). */
    void remove(String projectId, String source);

    /** The most relevant chunks for the query, best first, never from another project. */
    List<KnowledgeHit> search(String projectId, String query, int maxResults);

    /**
     * As {@link #search(String, String, int)}, but only among the given sources: a search whose answer must not depend
     * on what else happens to be indexed at the moment (see the orchestrator's assignment context). No sources, no hits.
     */
    List<KnowledgeHit> search(String projectId, String query, int maxResults, Set<String> sources);

    record KnowledgeHit(String source, String text, double score) {}
}
