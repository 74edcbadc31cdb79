package dev.aios.orchestrator;

import dev.aios.orchestrator.planning.PlannerSettings;
import dev.aios.orchestrator.planning.RiskyChanges;
import dev.aios.orchestrator.planning.SprintPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
            Duration leaseDuration,
            @Nullable RiskyChangeProperties riskyChanges) {}

    /** {@code aios.orchestrator.risky-changes.*}: which changesets wait for a person where a project asks (ADR 0014). */
    record RiskyChangeProperties(
            @Nullable List<String> patterns,
            @Nullable Integer maxFiles,
            @Nullable Long maxBytes) {
        RiskyChanges settings() {
            RiskyChanges defaults = RiskyChanges.defaults();
            return new RiskyChanges(
                    patterns == null ? defaults.patterns() : patterns,
                    maxFiles == null ? defaults.maxFiles() : maxFiles,
                    maxBytes == null ? defaults.maxBytes() : maxBytes);
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlannerSettings plannerSettings(OrchestratorProperties p) {
        return new PlannerSettings(
                p.sprintCapacityPoints(),
                p.sprintLimit(),
                p.maxReplans(),
                p.maxTaskAttempts(),
                p.maxBacklogTasks(),
                200,
                8000,
                p.leaseDuration(),
                p.riskyChanges() == null
                        ? RiskyChanges.defaults()
                        : p.riskyChanges().settings());
    }

    @Bean
    SprintPlanner sprintPlanner(PlannerSettings settings) {
        return new SprintPlanner(settings);
    }
}
