package dev.aios.agents.cto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.RecordedLlm;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.TaskDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's recorded CTO answer (fenced, with prose around it) is a valid backlog for the sample brief. */
class SampleBriefPlanTest {
    @Test
    void theRecordedPlanIsAValidBacklogWithEveryRole() throws Exception {
        // given
        String brief = Files.readString(Path.of("../standalone/src/main/resources/sample-brief.md"));
        CtoAgent cto = new CtoAgent(RecordedLlm.load(RecordedLlm.SAMPLE_BRIEF));

        // when
        PlanOutcome outcome = cto.plan(new PlanRequest("demo", "url-shortener", brief, 1, List.of()));

        // then
        assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Proposed.class, proposed -> {
            assertThat(proposed.tasks()).extracting(TaskDefinition::taskId).containsExactly("T1", "T2", "T3", "T4");
            assertThat(proposed.tasks()).extracting(TaskDefinition::role)
                    .containsExactly(Role.BACKEND, Role.FRONTEND, Role.QA, Role.DEVOPS);
            assertThat(proposed.architectureNotes()).contains("standard library", "scripted response");
            assertThat(proposed.usage().inputTokens()).isEqualTo(1200);
        });
    }
}
