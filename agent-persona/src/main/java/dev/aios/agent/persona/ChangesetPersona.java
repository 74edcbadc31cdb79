package dev.aios.agent.persona;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import java.util.List;
import java.util.Optional;

/**
 * The work of a builder persona: task and context in, a changeset out, with its provenance (prompt, model, recorded)
 * beside the summary; anything the model cannot deliver becomes a Failed outcome with the reason.
 */
public final class ChangesetPersona {
    private static final double TEMPERATURE = 0.2;

    private final Role role;
    private final Prompt prompt;
    private final StructuredCall structuredCall;
    private final int maxOutputTokens;

    public ChangesetPersona(Role role, LlmClient llm, Prompt prompt, int maxOutputTokens) {
        this.role = requireNonNull(role, "role");
        this.prompt = requireNonNull(prompt, "prompt");
        this.structuredCall = new StructuredCall(llm);
        this.maxOutputTokens = maxOutputTokens;
    }

    public TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
        progress.report("asking the model (" + prompt.id() + ")", 10);
        LlmRequest request = new LlmRequest(
                List.of(ChatMessage.system(prompt.text()), ChatMessage.user(TaskBriefing.render(assignment))),
                TEMPERATURE,
                maxOutputTokens,
                TaskCalls.metadataFor(role, assignment, prompt));
        return switch (structuredCall.call(request, new ChangesetReader())) {
            case CallResult.Parsed<ChangesetProposal> parsed -> {
                progress.report(
                        "changeset ready: "
                                + parsed.value().changeset().writes().size() + " files",
                        90);
                yield new TaskOutcome.Completed(
                        parsed.value().changeset(),
                        parsed.value().summary().strip(),
                        parsed.usage(),
                        Optional.empty(),
                        parsed.provenance());
            }
            case CallResult.Rejected<ChangesetProposal> rejected ->
                new TaskOutcome.Failed(
                        rejected.reason(),
                        rejected.retriable(),
                        rejected.usage(),
                        rejected.fatalToProject(),
                        rejected.budgetExhausted());
        };
    }
}
