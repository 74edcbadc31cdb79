package dev.aios.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.knowledge.KnowledgeBase.KnowledgeHit;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real in-process all-MiniLM-L6-v2 model and the in-memory store. */
class EmbeddingKnowledgeBaseTest {
    private static final EmbeddingModel MODEL = KnowledgeBases.embeddingModel();

    private static final String SERVER = """
            from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

            class ShortenerHandler(BaseHTTPRequestHandler):
                def do_GET(self):
                    if self.path == "/health":
                        self.send_response(200)
                        self.end_headers()

                def do_POST(self):
                    length = int(self.headers.get("Content-Length"))
                    body = self.rfile.read(length)
                    self.send_response(201)
            """;
    private static final String README = """
            # URL shortener

            A small project that turns long links into short codes. Written for the team's demo; see the
            licence for terms of use and the changelog for the history of releases.
            """;
    private static final String DOCKERFILE = """
            FROM python:3.12-slim
            RUN useradd app
            USER app
            CMD ["python", "-m", "shortener.server"]
            """;

    private InMemoryEmbeddingStore<TextSegment> store;
    private KnowledgeBase knowledge;
    private final String project = "p-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        store = new InMemoryEmbeddingStore<>();
        knowledge = new EmbeddingKnowledgeBase(MODEL, store, KnowledgeBases.splitter());
    }

    private List<String> sources(List<KnowledgeHit> hits) {
        return hits.stream().map(KnowledgeHit::source).toList();
    }

    @Test
    void aQueryAboutTheHttpHandlerFindsTheServerFileBeforeTheReadme() {
        // given
        knowledge.index(project, "README.md", README);
        knowledge.index(project, "shortener/server.py", SERVER);
        knowledge.index(project, "Dockerfile", DOCKERFILE);

        // when
        List<KnowledgeHit> hits = knowledge.search(project, "HTTP handler for POST requests", 3);

        // then
        assertThat(hits).hasSize(3);
        assertThat(hits.getFirst().source()).isEqualTo("shortener/server.py");
        assertThat(hits.getFirst().text()).contains("do_POST");
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void searchNeverReturnsChunksOfAnotherProject() {
        // given
        String other = "p-" + UUID.randomUUID();
        knowledge.index(other, "shortener/server.py", SERVER);
        knowledge.index(project, "README.md", README);

        // when
        List<KnowledgeHit> hits = knowledge.search(project, "HTTP handler for POST requests", 10);

        // then
        assertThat(sources(hits)).containsExactly("README.md");
        assertThat(sources(knowledge.search(other, "short links", 10))).containsExactly("shortener/server.py");
    }

    @Test
    void reindexingASourceReplacesItsOldChunks() {
        // given
        knowledge.index(project, "notes.md", "The service stores links in PostgreSQL.");

        // when
        knowledge.index(project, "notes.md", "The service keeps links in memory only.");

        // then
        List<KnowledgeHit> hits = knowledge.search(project, "where are links stored", 10);
        assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.text()).contains("in memory only"));
    }

    @Test
    void aLongDocumentIsSplitIntoSeveralChunksAndReindexingRemovesThemAll() {
        // given
        String longText = "def handler(request):\n    return respond(request)\n\n" + "x = 1\n".repeat(600);
        knowledge.index(project, "big.py", longText);
        int chunks = knowledge.search(project, "handler", 100).size();

        // when
        knowledge.index(project, "big.py", "small = True");

        // then
        assertThat(chunks).isGreaterThan(2);
        assertThat(knowledge.search(project, "handler", 100))
                .singleElement()
                .satisfies(hit -> assertThat(hit.text()).isEqualTo("small = True"));
    }

    @Test
    void removingASourceForgetsItAndNothingElse() {
        // given
        knowledge.index(project, "README.md", README);
        knowledge.index(project, "Dockerfile", DOCKERFILE);
        String other = "p-" + UUID.randomUUID();
        knowledge.index(other, "README.md", README);

        // when
        knowledge.remove(project, "README.md");

        // then
        assertThat(sources(knowledge.search(project, "short codes for long links", 10)))
                .containsExactly("Dockerfile");
        assertThat(sources(knowledge.search(other, "short codes for long links", 10)))
                .containsExactly("README.md");
    }

    @Test
    void indexingBlankTextRemovesTheSource() {
        knowledge.index(project, "README.md", README);

        knowledge.index(project, "README.md", "  ");

        assertThat(knowledge.search(project, "anything", 10)).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedAndChangeNothing() {
        knowledge.index(project, "README.md", README);

        assertThatThrownBy(() -> knowledge.index(" ", "a.md", "text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> knowledge.search(project, "q", 0)).hasMessageContaining("maxResults");

        assertThat(knowledge.search(project, "links", 10)).hasSize(1);
    }
}
