package dev.aios.orchestrator;

import dev.aios.orchestrator.planning.PlannerSettings;
import dev.aios.orchestrator.planning.SprintPlanner;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pure planner with its configured bounds. */
@Configuration
@EnableConfigurationProperties(OrchestratorConfiguration.OrchestratorProperties.class)
class OrchestratorConfiguration {

    @ConfigurationProperties("aios.orchestrator")
    record OrchestratorProperties(
            int sprintCapacityPoints,
            int sprintLimit,
            int maxReplans,
            int maxTaskAttempts,
            int maxBacklogTasks,
            Duration leaseDuration) {}

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlannerSettings plannerSettings(OrchestratorProperties p) {
        return new PlannerSettings(p.sprintCapacityPoints(), p.sprintLimit(), p.maxReplans(), p.maxTaskAttempts(),
                p.maxBacklogTasks(), 200, 8000, p.leaseDuration());
    }

    @Bean
    SprintPlanner sprintPlanner(PlannerSettings settings) {
        return new SprintPlanner(settings);
    }
}
