package dev.aios.orchestrator.repository;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.Provenance;
import dev.aios.events.v1.TaskCompleted;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A delivered commit as a person reads it: the task as the subject, the agent's summary as the body, and where the
 * work came from (agent, task, model, prompt, whether it was replayed from a recording) as git trailers, never in the
 * subject. The author is the persona, not the instance that happened to take the task.
 */
final class CommitMessages {
    private CommitMessages() {}

    static String of(TaskCompleted done, String title) {
        StringBuilder message = new StringBuilder(done.getTaskId())
                .append(": ")
                .append(oneLine(title))
                .append("\n\n");
        String summary = done.getSummary().strip();
        if (!summary.isEmpty()) {
            message.append(summary).append("\n\n");
        }
        message.append("Agent: ")
                .append(personaName(done.getRole()))
                .append(" (")
                .append(done.getAgentId())
                .append(")\n");
        message.append("Task: ").append(done.getTaskId()).append('\n');
        Provenance p = done.getProvenance();
        if (!p.getModel().isEmpty()) {
            message.append("Model: ")
                    .append(p.getModel())
                    .append(p.getTier().isEmpty() ? "" : " (" + p.getTier() + " tier)")
                    .append('\n');
        }
        if (!p.getPromptVersion().isEmpty()) {
            message.append("Prompt-Version: ").append(p.getPromptVersion()).append('\n');
        }
        if (p.getRepaired()) {
            message.append("Repaired: true\n");
        }
        if (p.getRecorded()) {
            message.append("Recorded: true\n");
        }
        return message.toString();
    }

    static PersonIdent author(AgentRole role, Instant when) {
        return new PersonIdent(personaName(role), roleName(role) + "@agents.aios.dev", when, ZoneOffset.UTC);
    }

    /** {@code AGENT_ROLE_BACKEND} → "AIOS Backend Agent"; CTO, QA and DevOps keep their capitals. */
    static String personaName(AgentRole role) {
        String name = roleName(role);
        String shown = switch (name) {
            case "cto", "qa" -> name.toUpperCase(Locale.ROOT);
            case "devops" -> "DevOps";
            default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
        };
        return "AIOS " + shown + " Agent";
    }

    private static String roleName(AgentRole role) {
        return role == AgentRole.AGENT_ROLE_UNSPECIFIED || role == AgentRole.UNRECOGNIZED
                ? "unknown"
                : role.name().substring("AGENT_ROLE_".length()).toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String title) {
        return title.replaceAll("\\s+", " ").strip();
    }
}
