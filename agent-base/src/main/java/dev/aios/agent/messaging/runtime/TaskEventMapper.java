package dev.aios.agent.messaging.runtime;

import com.google.protobuf.ByteString;
import dev.aios.agent.Role;
import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.Provenance;
import dev.aios.agent.task.ReviewResult;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.TestReport;
import dev.aios.agent.task.Usage;
import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.Complexity;
import dev.aios.events.v1.Defect;
import dev.aios.events.v1.DependencyOutput;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskKind;
import dev.aios.events.v1.TaskSpec;
import dev.aios.events.v1.TaskStarted;

/** Maps between the protobuf contract and the records agents see; protobuf stops here. */
public final class TaskEventMapper {
    private TaskEventMapper() {}

    public static TaskAssignment toAssignment(TaskAssigned proto) {
        var context = proto.getContext();
        return new TaskAssignment(
                proto.getProjectId(),
                proto.getTaskId(),
                proto.getSprintNumber(),
                proto.getAttempt(),
                toDefinition(proto.getTask()),
                new TaskContext(
                        context.getProjectName(),
                        context.getBrief(),
                        context.getArchitectureNotes(),
                        context.getDependencyOutputsList().stream()
                                .map(d -> new TaskContext.DependencyOutput(
                                        d.getTaskId(), d.getTitle(), d.getSummary(), d.getPathsList()))
                                .toList(),
                        context.getRelevantFilesList().stream()
                                .map(f -> new FileContent(
                                        f.getPath(), f.getContent().toByteArray()))
                                .toList(),
                        context.getRemainingBudgetMicros(),
                        context.getBudgetMicros(),
                        context.getReviewerFeedback()),
                proto.getLeaseId());
    }

    public static TaskAssigned toProto(TaskAssignment assignment) {
        TaskContext context = assignment.context();
        return TaskAssigned.newBuilder()
                .setProjectId(assignment.projectId())
                .setTaskId(assignment.taskId())
                .setSprintNumber(assignment.sprintNumber())
                .setAttempt(assignment.attempt())
                .setTask(toSpec(assignment.task()))
                .setContext(dev.aios.events.v1.TaskContext.newBuilder()
                        .setProjectName(context.projectName())
                        .setBrief(context.brief())
                        .setArchitectureNotes(context.architectureNotes())
                        .addAllDependencyOutputs(context.dependencyOutputs().stream()
                                .map(d -> DependencyOutput.newBuilder()
                                        .setTaskId(d.taskId())
                                        .setTitle(d.title())
                                        .setSummary(d.summary())
                                        .addAllPaths(d.paths())
                                        .build())
                                .toList())
                        .addAllRelevantFiles(context.relevantFiles().stream()
                                .map(TaskEventMapper::toFileWrite)
                                .toList())
                        .setRemainingBudgetMicros(context.remainingBudgetMicros())
                        .setReviewerFeedback(context.reviewerFeedback())
                        .setBudgetMicros(context.budgetMicros()))
                .setLeaseId(assignment.leaseId())
                .build();
    }

    public static PlanRequest toPlanRequest(PlanProject proto) {
        return new PlanRequest(
                proto.getProjectId(),
                proto.getName(),
                proto.getBrief(),
                proto.getAttempt(),
                proto.getPreviousRejectionReasonsList(),
                proto.getBudgetMicros());
    }

    public static TaskDefinition toDefinition(TaskSpec spec) {
        return new TaskDefinition(
                spec.getTaskId(),
                toRole(spec.getRole()),
                spec.getTitle(),
                spec.getDescription(),
                spec.getAcceptanceCriteriaList(),
                spec.getDependsOnList(),
                spec.getEstimatePoints(),
                switch (spec.getComplexityHint()) {
                    case COMPLEXITY_LOW -> TaskDefinition.Complexity.LOW;
                    case COMPLEXITY_MEDIUM -> TaskDefinition.Complexity.MEDIUM;
                    case COMPLEXITY_HIGH -> TaskDefinition.Complexity.HIGH;
                    default -> TaskDefinition.Complexity.UNSPECIFIED;
                },
                switch (spec.getKind()) {
                    case TASK_KIND_CODE -> TaskDefinition.TaskKind.CODE;
                    case TASK_KIND_TESTS -> TaskDefinition.TaskKind.TESTS;
                    case TASK_KIND_INFRA -> TaskDefinition.TaskKind.INFRA;
                    case TASK_KIND_DOCS -> TaskDefinition.TaskKind.DOCS;
                    case TASK_KIND_SPRINT_REVIEW -> TaskDefinition.TaskKind.SPRINT_REVIEW;
                    case TASK_KIND_DEFECT_FIX -> TaskDefinition.TaskKind.DEFECT_FIX;
                    default -> TaskDefinition.TaskKind.UNSPECIFIED;
                });
    }

    public static TaskSpec toSpec(TaskDefinition task) {
        return TaskSpec.newBuilder()
                .setTaskId(task.taskId())
                .setRole(toProto(task.role()))
                .setTitle(task.title())
                .setDescription(task.description())
                .addAllAcceptanceCriteria(task.acceptanceCriteria())
                .addAllDependsOn(task.dependsOn())
                .setEstimatePoints(task.estimatePoints())
                .setComplexityHint(Complexity.forNumber(task.complexityHint().ordinal()))
                .setKind(TaskKind.forNumber(task.kind().ordinal()))
                .build();
    }

    public static Role toRole(AgentRole role) {
        return switch (role) {
            case AGENT_ROLE_CTO -> Role.CTO;
            case AGENT_ROLE_FRONTEND -> Role.FRONTEND;
            case AGENT_ROLE_BACKEND -> Role.BACKEND;
            case AGENT_ROLE_QA -> Role.QA;
            case AGENT_ROLE_DEVOPS -> Role.DEVOPS;
            default -> throw new IllegalArgumentException("task without a known role: " + role);
        };
    }

    public static AgentRole toProto(Role role) {
        return AgentRole.valueOf("AGENT_ROLE_" + role.name());
    }

    static TaskStarted started(TaskAssignment a, String agentId, Role role) {
        return TaskStarted.newBuilder()
                .setProjectId(a.projectId())
                .setTaskId(a.taskId())
                .setAttempt(a.attempt())
                .setAgentId(agentId)
                .setRole(toProto(role))
                .setLeaseId(a.leaseId())
                .build();
    }

    static TaskCompleted completed(TaskAssignment a, String agentId, Role role, TaskOutcome.Completed outcome) {
        TaskCompleted.Builder completed = TaskCompleted.newBuilder()
                .setProjectId(a.projectId())
                .setTaskId(a.taskId())
                .setAttempt(a.attempt())
                .setAgentId(agentId)
                .setRole(toProto(role))
                .setChangeset(toProto(outcome.changeset()))
                .setSummary(outcome.summary())
                .setUsage(toProto(outcome.usage()))
                .setLeaseId(a.leaseId())
                .setProvenance(toProto(outcome.provenance()));
        outcome.review().ifPresent(review -> completed.setReview(toProto(review)));
        return completed.build();
    }

    static TaskFailed failed(TaskAssignment a, String agentId, Role role, TaskOutcome.Failed outcome) {
        return TaskFailed.newBuilder()
                .setProjectId(a.projectId())
                .setTaskId(a.taskId())
                .setAttempt(a.attempt())
                .setAgentId(agentId)
                .setRole(toProto(role))
                .setReason(outcome.reason())
                .setRetriable(outcome.retriable())
                .setUsage(toProto(outcome.usage()))
                .setLeaseId(a.leaseId())
                .setFatalToProject(outcome.fatalToProject())
                .setBudgetExhausted(outcome.budgetExhausted())
                .build();
    }

    static TaskFailed planFailed(PlanRequest request, String agentId, Role role, PlanOutcome.Failed outcome) {
        return TaskFailed.newBuilder()
                .setProjectId(request.projectId())
                .setTaskId("plan")
                .setAttempt(request.attempt())
                .setAgentId(agentId)
                .setRole(toProto(role))
                .setReason(outcome.reason())
                .setRetriable(outcome.retriable())
                .setUsage(toProto(outcome.usage()))
                .setFatalToProject(outcome.fatalToProject())
                .setBudgetExhausted(outcome.budgetExhausted())
                .build();
    }

    static BacklogProposed proposed(PlanRequest request, String agentId, PlanOutcome.Proposed outcome) {
        return BacklogProposed.newBuilder()
                .setProjectId(request.projectId())
                .setAttempt(request.attempt())
                .setArchitectureNotes(outcome.architectureNotes())
                .addAllTasks(
                        outcome.tasks().stream().map(TaskEventMapper::toSpec).toList())
                .setUsage(toProto(outcome.usage()))
                .setAgentId(agentId)
                .setProvenance(toProto(outcome.provenance()))
                .build();
    }

    static dev.aios.events.v1.Provenance toProto(Provenance p) {
        return dev.aios.events.v1.Provenance.newBuilder()
                .setPromptVersion(p.promptVersion())
                .setTier(p.tier())
                .setProvider(p.provider())
                .setModel(p.model())
                .setRecorded(p.recorded())
                .setRepaired(p.repaired())
                .build();
    }

    /** The changeset as agents and validators see it (the orchestrator checks what it received with the same rules). */
    public static Changeset toChangeset(dev.aios.events.v1.Changeset proto) {
        return new Changeset(
                proto.getWritesList().stream()
                        .map(w -> new dev.aios.agent.task.FileContent(
                                w.getPath(), w.getContent().toByteArray()))
                        .toList(),
                proto.getDeletesList().stream().map(FileDelete::getPath).toList());
    }

    static dev.aios.events.v1.Changeset toProto(Changeset changeset) {
        return dev.aios.events.v1.Changeset.newBuilder()
                .addAllWrites(changeset.writes().stream()
                        .map(TaskEventMapper::toFileWrite)
                        .toList())
                .addAllDeletes(changeset.deletes().stream()
                        .map(p -> FileDelete.newBuilder().setPath(p).build())
                        .toList())
                .build();
    }

    static dev.aios.events.v1.Usage toProto(Usage usage) {
        return dev.aios.events.v1.Usage.newBuilder()
                .setInputTokens(usage.inputTokens())
                .setOutputTokens(usage.outputTokens())
                .setCostMicros(usage.costMicros())
                .setLlmCalls(usage.llmCalls())
                .build();
    }

    private static dev.aios.events.v1.ReviewResult toProto(ReviewResult review) {
        var result = dev.aios.events.v1.ReviewResult.newBuilder()
                .setPassed(review.passed())
                .addAllDefects(review.defects().stream()
                        .map(d -> Defect.newBuilder()
                                .setTitle(d.title())
                                .setDescription(d.description())
                                .setRole(toProto(d.role()))
                                .setFailingOutput(d.failingOutput())
                                .build())
                        .toList());
        if (review.report() != null) {
            TestReport r = review.report();
            result.setReport(dev.aios.events.v1.TestReport.newBuilder()
                    .setCommand(r.command())
                    .setPassed(r.passed())
                    .setExitCode(r.exitCode())
                    .setTestsRun(r.testsRun())
                    .setTestsFailed(r.testsFailed())
                    .setOutputTail(r.outputTail())
                    .setDurationMs(r.durationMillis())
                    .setTimedOut(r.timedOut())
                    .setNetworkIsolated(r.networkIsolated())
                    .setIsolationNote(r.isolationNote()));
        }
        return result.build();
    }

    private static FileWrite toFileWrite(FileContent file) {
        return FileWrite.newBuilder()
                .setPath(file.path())
                .setContent(ByteString.copyFrom(file.content()))
                .build();
    }
}
