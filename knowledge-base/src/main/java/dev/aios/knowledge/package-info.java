/** The projects' knowledge base: chunked documents, in-process embeddings, vector search filtered by project. */
@NullMarked
package dev.aios.knowledge;

import org.jspecify.annotations.NullMarked;
