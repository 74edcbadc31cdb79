package dev.aios.standalone.scenario;

import dev.aios.router.client.ChatMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells from a chat request alone, as a model would have to, which scenario, persona and call it is. It reads the
 * structure the personas render (the system prompt's "You are the ...", the briefing's "## Brief" section, "Plan
 * attempt N", "## Your task ID: ...", a section saying a person rejected the previous changeset, the repair turn),
 * never exact prompt wording, so prompts may be reworded.
 */
final class CallRecognizer {
    private static final Pattern PERSONA = Pattern.compile("\\bYou are the (\\w+)");
    private static final Set<String> ROLES = Set.of("cto", "backend", "frontend", "qa", "devops");
    private static final String BRIEF_HEADING = "## Brief\n";
    private static final Pattern PLAN_ATTEMPT = Pattern.compile("(?mi)^Plan attempt (\\d+)\\b");
    private static final Pattern REJECTION_SECTION = Pattern.compile("(?mi)^## .*\\bwas rejected\\b");
    private static final Pattern TASK = Pattern.compile("(?m)^## Your task (\\S+?):");
    private static final Pattern PERSON_REJECTED = Pattern.compile("(?mi)^## .*\\brejected your previous changeset\\b");

    /** Scenario name → its brief, normalised. */
    private final Map<String, String> briefs;

    CallRecognizer(Map<String, String> briefs) {
        this.briefs = briefs.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> normalise(e.getValue())));
    }

    RecognizedCall recognise(List<ChatMessage> messages) throws UnrecognizedCall {
        if (messages.isEmpty() || !messages.getFirst().role().equals("system")) {
            throw new UnrecognizedCall("the first message is not a system prompt, so no persona can be told apart");
        }
        String role = role(messages.getFirst().content());
        if (messages.size() < 2 || !messages.get(1).role().equals("user")) {
            throw new UnrecognizedCall("the system prompt is not followed by a user message with the briefing");
        }
        String briefing = normalise(messages.get(1).content());
        String call = call(briefing);
        boolean redo = PERSON_REJECTED.matcher(briefing).find();
        return new RecognizedCall(scenario(briefing), role, call, redo, repair(messages.subList(2, messages.size())));
    }

    private static String role(String systemPrompt) throws UnrecognizedCall {
        Matcher persona = PERSONA.matcher(systemPrompt);
        String role = persona.find() ? persona.group(1).toLowerCase(Locale.ROOT) : "";
        if (!ROLES.contains(role)) {
            throw new UnrecognizedCall("the system prompt introduces no persona this server knows ('You are the <"
                    + String.join("|", ROLES.stream().sorted().toList()) + ">...'), found '" + role + "'");
        }
        return role;
    }

    private String scenario(String briefing) throws UnrecognizedCall {
        int heading = briefing.indexOf(BRIEF_HEADING);
        if (heading < 0) {
            throw new UnrecognizedCall("the briefing has no '## Brief' section");
        }
        String rest = briefing.substring(heading + BRIEF_HEADING.length());
        String best = null;
        for (Map.Entry<String, String> brief : briefs.entrySet()) {
            String text = brief.getValue();
            boolean whole =
                    rest.startsWith(text) && (rest.length() == text.length() || rest.charAt(text.length()) == '\n');
            if (whole && (best == null || text.length() > briefs.get(best).length())) {
                best = brief.getKey();
            }
        }
        if (best == null) {
            String start = rest.lines().findFirst().orElse("");
            throw new UnrecognizedCall("the brief ('" + (start.length() > 80 ? start.substring(0, 80) + "…" : start)
                    + "') is not the brief of any scenario this server has: "
                    + briefs.keySet().stream().sorted().toList());
        }
        return best;
    }

    private static String call(String briefing) throws UnrecognizedCall {
        Matcher plan = PLAN_ATTEMPT.matcher(briefing);
        if (plan.find()) {
            int attempt = Integer.parseInt(plan.group(1));
            if (attempt > 1 && !REJECTION_SECTION.matcher(briefing).find()) {
                throw new UnrecognizedCall(
                        "plan attempt " + attempt + " does not say why the previous backlog was rejected");
            }
            return "plan-" + attempt;
        }
        Matcher task = TASK.matcher(briefing);
        if (task.find()) {
            return task.group(1);
        }
        throw new UnrecognizedCall(
                "the briefing asks for neither a plan ('Plan attempt N') nor a task ('## Your task ID: ...')");
    }

    /** No earlier turn: a first answer. One earlier answer and a user's reply to it: the repair request. */
    private static boolean repair(List<ChatMessage> laterTurns) throws UnrecognizedCall {
        if (laterTurns.isEmpty()) {
            return false;
        }
        if (laterTurns.size() == 2
                && laterTurns.get(0).role().equals("assistant")
                && laterTurns.get(1).role().equals("user")) {
            return true;
        }
        throw new UnrecognizedCall("the conversation goes on for " + laterTurns.size()
                + " turns after the briefing; only a first answer and one repair (assistant, then user) are authored");
    }

    /** Line endings and trailing blanks do not make a brief another brief. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n")
                .lines()
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
