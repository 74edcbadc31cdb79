package dev.aios.orchestrator.knowledge;

import com.google.protobuf.Message;
import dev.aios.events.v1.BacklogAccepted;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import dev.aios.events.v1.ProjectSubmitted;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.knowledge.KnowledgeBase;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Indexes the brief, the architecture notes and every applied file once they are committed. */
@Component
class KnowledgeIndexer implements ProjectDecisions.AfterCommit {
    private final KnowledgeBase knowledge;

    KnowledgeIndexer(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public void committed(UUID projectId, List<StoredEvent> events, List<Message> messages) {
        String project = projectId.toString();
        for (Message m : messages) {
            switch (m) {
                case ProjectSubmitted s -> knowledge.index(project, "brief", s.getBrief());
                case BacklogAccepted a -> {
                    /* notes are indexed from the proposal below */
                }
                case TaskCompleted c -> {
                    for (FileWrite w : c.getChangeset().getWritesList()) {
                        knowledge.index(project, w.getPath(), w.getContent().toString(StandardCharsets.UTF_8));
                    }
                    for (FileDelete d : c.getChangeset().getDeletesList()) {
                        knowledge.remove(project, d.getPath());
                    }
                }
                default -> {}
            }
        }
        messages.stream()
                .filter(dev.aios.events.v1.BacklogProposed.class::isInstance)
                .map(dev.aios.events.v1.BacklogProposed.class::cast)
                .filter(p -> messages.stream().anyMatch(BacklogAccepted.class::isInstance))
                .forEach(p -> knowledge.index(project, "architecture", p.getArchitectureNotes()));
    }
}
