package dev.aios.router.policy;

/**
 * The part of a prompt that states the work, and what the rest says about its size. A persona's prompt is the
 * system prompt plus a task briefing (agent-persona's {@code TaskBriefing}): brief, architecture notes, then
 * {@code ## Your task ...} with the description and {@code ### Acceptance criteria}, then the dependencies' outputs
 * and the workspace files. The task section is what decides how hard the call is; the rest is context, counted by
 * size only. A prompt without that heading is all task. Found with a few {@code indexOf} calls, so a 32k-character
 * prompt costs microseconds.
 *
 * @param start first character of the task text in the prompt
 * @param end one past its last character
 * @param structured whether the prompt is a task briefing (then the counts below are known)
 * @param contextChars characters outside the task section: brief, architecture, dependencies, files
 * @param acceptanceCriteria bullet lines under {@code ### Acceptance criteria}
 * @param dependencies bullet lines under {@code ## Work already done}
 */
record TaskText(
        String prompt,
        int start,
        int end,
        boolean structured,
        int contextChars,
        int acceptanceCriteria,
        int dependencies) {

    static final String TASK_HEADING = "## Your task ";
    static final String CRITERIA_HEADING = "### Acceptance criteria";
    static final String DEPENDENCIES_HEADING = "## Work already done";

    static TaskText of(String prompt) {
        int task = headingAt(prompt, TASK_HEADING, 0);
        if (task < 0) {
            return new TaskText(prompt, 0, prompt.length(), false, 0, 0, 0);
        }
        int end = nextSection(prompt, task + TASK_HEADING.length());
        int criteria = headingAt(prompt, CRITERIA_HEADING, task);
        int criteriaCount = criteria >= 0 && criteria < end ? bullets(prompt, criteria, end) : 0;
        int dependencies = headingAt(prompt, DEPENDENCIES_HEADING, end);
        int dependencyCount =
                dependencies >= 0 ? bullets(prompt, dependencies, nextSection(prompt, dependencies + 3)) : 0;
        return new TaskText(prompt, task, end, true, prompt.length() - (end - task), criteriaCount, dependencyCount);
    }

    int length() {
        return end - start;
    }

    /** Where {@code heading} starts a line at or after {@code from}; -1 if it never does. */
    private static int headingAt(String s, String heading, int from) {
        for (int i = s.indexOf(heading, from); i >= 0; i = s.indexOf(heading, i + 1)) {
            if (i == 0 || s.charAt(i - 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The start of the next {@code ## } section (not {@code ### }) after {@code from}, or the end of the prompt. */
    private static int nextSection(String s, int from) {
        int i = s.indexOf("\n## ", from);
        return i < 0 ? s.length() : i + 1;
    }

    /** Lines starting with {@code - } between the heading's line and {@code end}, up to the next heading. */
    private static int bullets(String s, int heading, int end) {
        int count = 0;
        for (int nl = s.indexOf('\n', heading); nl >= 0 && nl + 1 < end; nl = s.indexOf('\n', nl + 1)) {
            if (s.startsWith("- ", nl + 1)) {
                count++;
            } else if (s.startsWith("#", nl + 1)) {
                break;
            }
        }
        return count;
    }
}
