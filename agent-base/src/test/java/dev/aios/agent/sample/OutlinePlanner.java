package dev.aios.agent.sample;

import dev.aios.agent.Role;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.Usage;
import dev.aios.agent.template.PlanningAgent;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import java.util.List;

/** The smallest planning agent: one backlog task per line of the model's answer. */
public final class OutlinePlanner extends PlanningAgent {
    private final EchoAgent tasks;
    private final LlmClient llm;

    public OutlinePlanner(LlmClient llm) {
        super(Role.CTO);
        this.llm = llm;
        this.tasks = new EchoAgent(Role.CTO, llm);
    }

    @Override
    protected PlanOutcome plan(PlanRequest request) {
        String answer = llm.chat(
                        new LlmRequest(List.of(ChatMessage.user(request.brief())), 0.0, 512, CallMetadata.none()))
                .content();
        List<TaskDefinition> backlog = answer.lines()
                .filter(line -> !line.isBlank())
                .map(line -> new TaskDefinition(
                        "T-" + Math.abs(line.hashCode()),
                        Role.BACKEND,
                        line,
                        line,
                        List.of(),
                        List.of(),
                        1,
                        TaskDefinition.Complexity.LOW,
                        TaskDefinition.TaskKind.CODE))
                .toList();
        return new PlanOutcome.Proposed("one task per line", backlog, new Usage(1, 1, 0, 1));
    }

    @Override
    protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) throws Exception {
        return tasks.perform(assignment, progress);
    }
}
