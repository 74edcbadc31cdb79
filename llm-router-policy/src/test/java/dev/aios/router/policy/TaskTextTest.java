package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTextTest {

    /** The shape agent-persona's TaskBriefing renders, after the persona's system prompt. */
    static final String BRIEFING = """
            You are the backend engineer. Follow the architecture notes.
            # Project: invoicing

            ## Brief
            A multi-tenant invoicing service with a distributed architecture.

            ## Architecture notes
            Modules by feature; an outbox between features.

            ## Your task T-7: Rename the total field
            Kind: code, complexity: low, estimate: 1 points

            Rename Invoice.sum to Invoice.total.

            ### Acceptance criteria
            - The JSON field is called total
            - Old clients still read sum for one release

            ## Work already done that this task builds on
            - T-3 Invoice aggregate: states (files: Invoice.java)
            - T-4 Invoice API: endpoints (files: InvoiceController.java)
            - T-5 Outbox: relay (files: Outbox.java)

            ## Relevant workspace files
            ### src/main/java/app/Invoice.java
            ```
            record Invoice(long sum) {}
            ```
            """;

    @Test
    void findsTheTaskSectionOfATaskBriefingAndCountsWhatSurroundsIt() {
        // when
        TaskText task = TaskText.of(BRIEFING);

        // then the task runs from its heading to the next section, and the rest is context
        String text = BRIEFING.substring(task.start(), task.end());
        assertThat(text)
                .startsWith("## Your task T-7: Rename the total field")
                .contains("### Acceptance criteria")
                .doesNotContain("Work already done")
                .doesNotContain("multi-tenant");
        assertThat(task.structured()).isTrue();
        assertThat(task.acceptanceCriteria()).isEqualTo(2);
        assertThat(task.dependencies()).isEqualTo(3);
        assertThat(task.contextChars()).isEqualTo(BRIEFING.length() - text.length());
    }

    @Test
    void aPromptWithoutATaskHeadingIsAllTask() {
        String prompt = "Fix the flaky test in OrderServiceTest.\n## Notes\n- it fails on CI";

        TaskText task = TaskText.of(prompt);

        assertThat(task.structured()).isFalse();
        assertThat(task.start()).isZero();
        assertThat(task.end()).isEqualTo(prompt.length());
        assertThat(task.contextChars()).isZero();
        assertThat(task.acceptanceCriteria()).isZero();
    }

    @Test
    void aTaskHeadingInsideALineIsNotASection() {
        assertThat(TaskText.of("See the section called ## Your task below").structured())
                .isFalse();
    }
}
