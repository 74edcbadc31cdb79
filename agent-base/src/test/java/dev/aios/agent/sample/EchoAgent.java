package dev.aios.agent.sample;

import dev.aios.agent.Role;
import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.Usage;
import dev.aios.agent.template.BaseAgent;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import java.util.List;
import java.util.Optional;

/** The smallest real persona: asks the model once and writes its answer to {@code docs/<task>.md}. */
public final class EchoAgent extends BaseAgent {
    private final LlmClient llm;

    public EchoAgent(Role role, LlmClient llm) {
        super(role);
        this.llm = llm;
    }

    @Override
    public TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
        LlmResponse response = llm.chat(new LlmRequest(
                List.of(ChatMessage.user(assignment.task().title())),
                0.0,
                256,
                new CallMetadata(
                        assignment.projectId(),
                        assignment.taskId(),
                        role().routingKey(),
                        "DOCS",
                        "LOW",
                        1,
                        1,
                        Optional.empty(),
                        Optional.empty())));
        progress.report("model answered", 50);
        String path = response.content().startsWith("PATH:")
                ? response.content().substring(5)
                : "docs/" + assignment.taskId() + ".md";
        return new TaskOutcome.Completed(
                new Changeset(List.of(FileContent.text(path, response.content())), List.of()),
                "wrote " + path,
                new Usage(response.tokens().inputTokens(), response.tokens().outputTokens(), response.costMicros(), 1),
                Optional.empty());
    }
}
