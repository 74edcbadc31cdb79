package dev.aios.agent.messaging.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.aios.agent.Role;
import dev.aios.agent.changeset.ChangesetLimits;
import dev.aios.agent.heartbeat.RedisHeartbeatStore;
import dev.aios.agent.heartbeat.internal.InMemoryHeartbeatStore;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.DeadLetters;
import dev.aios.agent.messaging.MessagingAutoConfiguration;
import dev.aios.agent.messaging.MessagingProperties;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.RedisInboxStore;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.messaging.internal.InMemoryInboxStore;
import dev.aios.agent.messaging.internal.MeteredEnvelopePublisher;
import dev.aios.agent.messaging.runtime.internal.MeteredTaskOutcomes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A service's auto-configuration and the standalone launcher build agents through the same assembly, settings and defaults. */
class AgentAssemblyTest {

    /** What the auto-configurations enable: the two typed property records, bound by Spring from the environment. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MessagingProperties.class, AgentProperties.class})
    static class TypedProperties {}

    private final ApplicationContextRunner service =
            new ApplicationContextRunner().withUserConfiguration(TypedProperties.class);

    @Nested
    class Defaults {
        @Test
        void aServiceWithNothingConfiguredGetsTheSameSettingsAsTheProgrammaticDefaults() {
            service.run(context -> {
                assertThat(context.getBean(MessagingProperties.class)).isEqualTo(MessagingProperties.defaults());
                assertThat(context.getBean(MessagingProperties.class).settings())
                        .isEqualTo(MessagingSettings.defaults());
                assertThat(context.getBean(AgentProperties.class)).isEqualTo(AgentProperties.defaults());
                assertThat(context.getBean(AgentProperties.class).changeset()).isEqualTo(ChangesetLimits.defaults());
            });
        }

        @Test
        void theDefaultsAreTheDocumentedValues() {
            MessagingProperties messaging = MessagingProperties.defaults();
            assertThat(messaging.prefetch()).isEqualTo(10);
            assertThat(messaging.concurrency()).isEqualTo(1);
            assertThat(messaging.retryDelays())
                    .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
            assertThat(messaging.maxAttempts()).isEqualTo(4);
            assertThat(messaging.deliveryLimit()).isEqualTo(3);
            assertThat(messaging.confirmTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(messaging.deadLetterMaxLength()).isEqualTo(100_000);
            assertThat(messaging.heartbeatTtl()).isEqualTo(Duration.ofSeconds(30));
            assertThat(messaging.inboxRetention()).isEqualTo(Duration.ofDays(7));
            assertThat(messaging.redisKeyPrefix()).isEmpty();
            assertThat(ChangesetLimits.defaults()).isEqualTo(new ChangesetLimits(1_048_576, 500, 512));
            assertThat(AgentProperties.defaults().id()).isNull();
        }
    }

    @Nested
    class SameInputsSameAgent {
        private final Map<String, Object> configured = Map.of(
                "aios.messaging.prefetch", 3,
                "aios.messaging.heartbeat-ttl", "7s",
                "aios.messaging.confirm-timeout", "2s",
                "aios.messaging.retry-delays", "2s,20s",
                "aios.messaging.max-attempts", 3,
                "aios.agent.id", "qa-7",
                "aios.agent.changeset.max-files", 9);

        @Test
        void bindingAMapGivesTheSettingsSpringBindsFromTheEnvironment() {
            service.withPropertyValues(configured.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new))
                    .run(context -> {
                        // given the typed settings a service's context binds, and those the launcher binds from a map
                        MessagingProperties fromSpring = context.getBean(MessagingProperties.class);
                        AgentProperties agentFromSpring = context.getBean(AgentProperties.class);

                        // then they are the same values
                        assertThat(MessagingProperties.bind(configured)).isEqualTo(fromSpring);
                        assertThat(AgentProperties.bind(configured)).isEqualTo(agentFromSpring);
                        assertThat(fromSpring.prefetch()).isEqualTo(3);
                        assertThat(agentFromSpring.changeset()).isEqualTo(new ChangesetLimits(1_048_576, 9, 512));
                    });
        }

        @Test
        void theAssemblyTurnsTheSettingsIntoTheReplicasIdentityTimingAndLimits() {
            // given
            AgentAssembly assembly =
                    new AgentAssembly(MessagingProperties.bind(configured), AgentProperties.bind(configured));

            // when
            AgentRuntime.Settings settings = assembly.settings(Role.QA);

            // then
            assertThat(settings.agentId()).isEqualTo("qa-7");
            assertThat(settings.confirmTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.heartbeatTtl()).isEqualTo(Duration.ofSeconds(7));
            assertThat(settings.validator().limits()).isEqualTo(new ChangesetLimits(1_048_576, 9, 512));
        }

        @Test
        void withoutAConfiguredIdEachReplicaIsNamedForItsRole() {
            AgentAssembly assembly = new AgentAssembly(MessagingProperties.defaults(), AgentProperties.defaults());

            assertThat(assembly.settings(Role.BACKEND).agentId()).matches("backend-[0-9a-f]{8}");
            assertThat(assembly.settings(Role.BACKEND).agentId())
                    .isNotEqualTo(assembly.settings(Role.BACKEND).agentId());
        }

        @Test
        void theRuntimeSettingsDefaultsAreTheAssemblysDefaults() {
            AgentRuntime.Settings assembled =
                    new AgentAssembly(MessagingProperties.defaults(), AgentProperties.defaults()).settings(Role.CTO);
            AgentRuntime.Settings defaults = AgentRuntime.Settings.defaults("cto-x");

            assertThat(defaults.confirmTimeout()).isEqualTo(assembled.confirmTimeout());
            assertThat(defaults.heartbeatTtl()).isEqualTo(assembled.heartbeatTtl());
            assertThat(defaults.validator().limits())
                    .isEqualTo(assembled.validator().limits());
        }
    }

    @Nested
    class ChangesetProperties {
        @Test
        void aValueThatIsNotANumberStopsTheServiceNamingTheProperty() {
            service.withPropertyValues("aios.agent.changeset.max-files=lots").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasStackTraceContaining("aios.agent.changeset.max-files");
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lots");
            });
        }

        @Test
        void aLimitThatIsNotPositiveStopsTheServiceSayingWhichLimit() {
            service.withPropertyValues("aios.agent.changeset.max-path-length=0").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasStackTraceContaining("aios.agent.changeset");
                assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("max-path-length=0");
            });
        }

        @Test
        void theLauncherGetsTheSameErrorForTheSameBadValue() {
            assertThatThrownBy(() -> AgentProperties.bind(Map.of("aios.agent.changeset.max-file-bytes", "a lot")))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("aios.agent.changeset.max-file-bytes");
        }
    }

    @Test
    void theAutoConfigurationsBuildTheAdapterAndTheRuntimeOnlyThroughTheAssemblies() {
        Set<Class<?>> assembled = Set.of(
                RabbitEnvelopePublisher.class,
                MeteredEnvelopePublisher.class,
                BrokerTopology.class,
                ReliableConsumers.class,
                DeadLetters.class,
                RedisInboxStore.class,
                InMemoryInboxStore.class,
                RedisHeartbeatStore.class,
                InMemoryHeartbeatStore.class,
                AgentRuntime.class,
                MeteredTaskOutcomes.class);
        noClasses()
                .that()
                .belongToAnyOf(MessagingAutoConfiguration.class, AgentAutoConfiguration.class)
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "of a part the assemblies build",
                        (JavaConstructorCall call) -> assembled.stream()
                                .anyMatch(c -> call.getTargetOwner().isEquivalentTo(c))))
                .because("the standalone launcher builds its agents through the same assemblies (ADR 0002)")
                .check(new ClassFileImporter().importPackages("dev.aios.agent.messaging"));
    }
}
