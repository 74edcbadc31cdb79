package dev.aios.orchestrator.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectionRebuildIT extends OrchestratorIntegrationTest {
    @Autowired
    ProjectDecisions decisions;

    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void rebuildingFromPositionZeroGivesTheSameHashTwice() {
        // given: two projects driven through planning, work, costs, a defect and delivery
        drive(UUID.randomUUID(), true);
        drive(UUID.randomUUID(), false);
        String live = rebuild.hash();
        // when
        String first = rebuild.rebuild();
        String second = rebuild.rebuild();
        // then
        assertThat(first).isEqualTo(live);
        assertThat(second).isEqualTo(live);
    }

    private void drive(UUID id, boolean withDefect) {
        String p = id.toString();
        handle(
                id,
                ProjectSubmitted.newBuilder()
                        .setProjectId(p)
                        .setName("rebuild " + p)
                        .setBrief("b")
                        .setBudgetMicros(1_000_000)
                        .build());
        handle(
                id,
                BacklogProposed.newBuilder()
                        .setProjectId(p)
                        .setAttempt(1)
                        .setArchitectureNotes("n")
                        .addTasks(spec("A", AgentRole.AGENT_ROLE_BACKEND))
                        .addTasks(spec("B", AgentRole.AGENT_ROLE_FRONTEND, "A"))
                        .build());
        handle(
                id,
                LlmCallCompleted.newBuilder()
                        .setCallId("c-" + p)
                        .setProjectId(p)
                        .setTaskId("A")
                        .setCostMicros(1234)
                        .setInputTokens(10)
                        .setOutputTokens(20)
                        .build());
        // a start changes no project column, so the live decision leaves the project row alone: a rebuild must agree
        handle(
                id,
                TaskStarted.newBuilder()
                        .setProjectId(p)
                        .setTaskId("A")
                        .setAttempt(1)
                        .setAgentId("agent")
                        .setLeaseId(p + "/A/1")
                        .build());
        handle(id, done(p, "A", 1, "src/a.txt"));
        handle(id, done(p, "B", 1, "web/b.txt"));
        handle(
                id,
                TaskCompleted.newBuilder()
                        .setProjectId(p)
                        .setTaskId("R1")
                        .setAttempt(1)
                        .setAgentId("qa")
                        .setLeaseId(p + "/R1/1")
                        .setReview(
                                withDefect
                                        ? ReviewResult.newBuilder()
                                                .setPassed(false)
                                                .addDefects(Defect.newBuilder()
                                                        .setTitle("bug")
                                                        .setRole(AgentRole.AGENT_ROLE_BACKEND))
                                        : ReviewResult.newBuilder().setPassed(true))
                        .build());
        if (withDefect) {
            handle(id, done(p, "D1-1", 1, "src/a.txt"));
            handle(
                    id,
                    TaskCompleted.newBuilder()
                            .setProjectId(p)
                            .setTaskId("R2")
                            .setAttempt(1)
                            .setAgentId("qa")
                            .setLeaseId(p + "/R2/1")
                            .setReview(ReviewResult.newBuilder().setPassed(true))
                            .build());
        }
        assertThat(decisions
                        .handle(id, ProjectStopped.newBuilder().setProjectId(p).build(), null)
                        .state()
                        .status()
                        .terminal())
                .isTrue();
    }

    private void handle(UUID id, Message m) {
        Envelope cause = Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(m.getDescriptorForType().getFullName())
                .setPayload(m.toByteString())
                .build();
        assertThat(decisions.handle(id, m, cause).appended()).isNotEmpty();
    }

    private static TaskSpec spec(String id, AgentRole role, String... deps) {
        return TaskSpec.newBuilder()
                .setTaskId(id)
                .setRole(role)
                .setTitle("t " + id)
                .setEstimatePoints(1)
                .setKind(TaskKind.TASK_KIND_CODE)
                .addAllDependsOn(java.util.List.of(deps))
                .build();
    }

    private static TaskCompleted done(String p, String task, int attempt, String path) {
        return TaskCompleted.newBuilder()
                .setProjectId(p)
                .setTaskId(task)
                .setAttempt(attempt)
                .setAgentId("agent")
                .setLeaseId(p + "/" + task + "/" + attempt)
                .setSummary("did " + task)
                .setChangeset(Changeset.newBuilder()
                        .addWrites(FileWrite.newBuilder().setPath(path).setContent(ByteString.copyFromUtf8(task))))
                .build();
    }
}
