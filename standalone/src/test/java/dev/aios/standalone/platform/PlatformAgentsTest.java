package dev.aios.standalone.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.aios.agent.Role;
import dev.aios.agent.changeset.ChangesetLimits;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.heartbeat.RedisHeartbeatStore;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.MessagingProperties;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.RedisInboxStore;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.messaging.runtime.AgentAssembly;
import dev.aios.agent.messaging.runtime.AgentRuntime;
import dev.aios.standalone.infra.Endpoints;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The launcher's agents are assembled as a deployed service's are, from the same settings, save two stated choices. */
class PlatformAgentsTest {
    private final Endpoints endpoints = new Endpoints(
            "127.0.0.1",
            5673,
            "guest",
            "guest",
            "/aios",
            "qpid",
            "jdbc:postgresql://127.0.0.1:5433/aios",
            "aios",
            "secret",
            "127.0.0.1",
            6380);

    @Test
    void theAgentsGetAServicesDefaultSettingsExceptPrefetchOne() {
        // when
        AgentAssembly agents = Platform.agentAssembly(Platform.agentProperties(endpoints));

        // then: every messaging setting is a service's default but the two the launcher states
        assertThat(agents.messaging())
                .usingRecursiveComparison()
                .ignoringFields("prefetch", "dialect")
                .isEqualTo(MessagingProperties.defaults());
        assertThat(agents.messaging().prefetch()).isEqualTo(1);
        assertThat(agents.messaging().dialect()).isEqualTo("qpid");
        assertThat(agents.agent().changeset()).isEqualTo(ChangesetLimits.defaults());
    }

    @Test
    void eachAgentInThisJvmIsNamedForItsRoleNotByOneConfiguredId() {
        // when
        AgentAssembly agents = Platform.agentAssembly(Platform.agentProperties(endpoints));

        // then
        assertThat(agents.agent().id()).isNull();
        assertThat(agents.settings(Role.BACKEND).agentId()).startsWith("backend-");
        assertThat(agents.settings(Role.QA).agentId()).startsWith("qa-");
    }

    @Test
    void theLauncherBuildsNoAgentPartByHand() {
        Set<Class<?>> assembled = Set.of(
                AgentRuntime.class,
                RabbitEnvelopePublisher.class,
                BrokerTopology.class,
                ReliableConsumers.class,
                RedisInboxStore.class,
                RedisHeartbeatStore.class,
                ChangesetValidator.class);
        noClasses()
                .that()
                .resideInAPackage("dev.aios.standalone..")
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "of a part the agent-base assemblies build",
                        (JavaConstructorCall call) -> assembled.stream()
                                .anyMatch(c -> call.getTargetOwner().isEquivalentTo(c))))
                .because(
                        "the launcher assembles its agents through MessagingAssembly and AgentAssembly, as the services do")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.aios.standalone"));
    }
}
