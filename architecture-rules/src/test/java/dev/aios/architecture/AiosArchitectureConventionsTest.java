package dev.aios.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.aios.architecture.seeded.caught.a.Job;
import dev.aios.architecture.seeded.caught.b.JobFailed;
import dev.aios.architecture.seeded.cycle.a.Order;
import dev.aios.architecture.seeded.cycle.b.Invoice;
import dev.aios.architecture.seeded.walls.alpha.Ledger;
import dev.aios.architecture.seeded.walls.alpha.internal.LedgerClosed;
import dev.aios.architecture.seeded.walls.alpha.internal.LedgerRows;
import dev.aios.architecture.seeded.walls.alpha.persona.PersonaReport;
import dev.aios.architecture.seeded.walls.beta.BetaReport;
import dev.aios.architecture.seeded.walls.beta.BetaRetry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The walls fail on seeded violations (the classes under {@code seeded}) and pass on clean code. */
class AiosArchitectureConventionsTest {
    private static final String SEEDED = "dev.aios.architecture.seeded";

    @Nested
    class PackagesAreFreeOfCycles {
        private final ArchRule rule = AiosArchitectureConventions.packagesAreFreeOfCycles;

        @Test
        void failsOnASeededCycleNamingItsPackagesAndClasses() {
            // given: cycle.a.Order -> cycle.b.Invoice -> cycle.a.Order
            JavaClasses classes = importPackages(SEEDED + ".cycle");

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result))
                    .contains(
                            "Cycle detected among packages [" + SEEDED + ".cycle.a, " + SEEDED + ".cycle.b]",
                            Order.class.getName(),
                            Invoice.class.getName());
        }

        @Test
        void failsOnACycleOneSideOfWhichIsOnlyACatch() {
            // given: caught.a.Job catches caught.b.JobFailed, whose constructor takes a caught.a.Job
            JavaClasses classes = importPackages(SEEDED + ".caught");

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).isTrue();
            String edge = SEEDED + ".caught.a -> " + SEEDED + ".caught.b";
            String caught = "catches <" + JobFailed.class.getName() + ">";
            String run = "<" + Job.class.getName() + ".run(java.lang.Runnable)>";
            assertThat(report(result)).contains(edge + ": " + run + " " + caught);
        }

        @Test
        void treatsAPackageAndItsInternalPackageAsOneButFailsOnACycleThroughAnotherPackage() {
            // given: paired.api <-> paired.api.internal (by design), and paired.api.internal -> paired.other ->
            // paired.api
            JavaClasses classes = importPackages(SEEDED + ".paired");

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then: one cycle, between the API's node and the other package, not between the API and its internals
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result))
                    .contains(
                            "Cycle detected among packages [" + SEEDED + ".paired.api, " + SEEDED + ".paired.other]",
                            "MemoryStore")
                    .doesNotContain("Cycle detected among packages [" + SEEDED + ".paired.api, " + SEEDED
                            + ".paired.api.internal]");
        }

        @Test
        void aPackageAndItsInternalPackagesAreOneNode() {
            assertThat(PackageCycles.unit("dev.aios.agent.messaging.internal")).isEqualTo("dev.aios.agent.messaging");
            assertThat(PackageCycles.unit("dev.aios.agent.messaging.internal.x"))
                    .isEqualTo("dev.aios.agent.messaging");
            assertThat(PackageCycles.unit("dev.aios.agent.messaging")).isEqualTo("dev.aios.agent.messaging");
            assertThat(PackageCycles.unit("dev.aios.internals")).isEqualTo("dev.aios.internals");
        }

        @Test
        void passesOnPackagesThatDependOneWay() {
            // given: alpha and alpha.persona depend on alpha.internal, which depends on nothing
            JavaClasses classes = importPackages(SEEDED + ".walls");

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).as(report(result)).isFalse();
        }
    }

    @Nested
    class InternalPackagesStayInTheirModule {
        /** Alpha, a module nested in alpha's root (as agent-persona is in agent-base's) and a sibling, beta. */
        private final ArchRule rule = ModuleWalls.internalPackagesStayInTheirModule(
                ModuleRoots.of(SEEDED + ".walls.alpha", SEEDED + ".walls.alpha.persona", SEEDED + ".walls.beta"));

        @Test
        void failsWhenAnotherModuleUsesAModulesInternalPackage() {
            // given
            JavaClasses classes = new ClassFileImporter().importClasses(BetaReport.class, LedgerRows.class);

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result))
                    .contains(
                            BetaReport.class.getName(),
                            LedgerRows.class.getName(),
                            "inside module " + SEEDED + ".walls.alpha's internal package");
        }

        @Test
        void failsWhenAnotherModuleOnlyCatchesAnExceptionOfAModulesInternalPackage() {
            // given
            JavaClasses classes = new ClassFileImporter().importClasses(BetaRetry.class, LedgerClosed.class);

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result))
                    .contains(BetaRetry.class.getName(), "catches <" + LedgerClosed.class.getName() + ">");
        }

        @Test
        void failsWhenAModuleNestedInAnothersRootUsesItsInternalPackage() {
            // given
            JavaClasses classes = new ClassFileImporter().importClasses(PersonaReport.class, LedgerRows.class);

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result)).contains(PersonaReport.class.getName(), LedgerRows.class.getName());
        }

        @Test
        void failsWhenAClassOfNoModuleUsesAModulesInternalPackage() {
            // given: only alpha is a module, so beta's class belongs to none
            ArchRule alphaOnly = ModuleWalls.internalPackagesStayInTheirModule(ModuleRoots.of(SEEDED + ".walls.alpha"));
            JavaClasses classes = new ClassFileImporter().importClasses(BetaReport.class, LedgerRows.class);

            // when
            EvaluationResult result = alphaOnly.evaluate(classes);

            // then
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result)).contains(BetaReport.class.getName());
        }

        @Test
        void passesWhenAModuleUsesOnlyItsOwnInternalPackage() {
            // given
            JavaClasses classes = new ClassFileImporter().importClasses(Ledger.class, LedgerRows.class);

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).as(report(result)).isFalse();
        }
    }

    @Nested
    class PackagesAreNullMarked {
        private final ArchRule rule = AiosArchitectureConventions.packagesAreNullMarked;

        @Test
        void failsOnAPackageWithoutANullMarkedPackageInfoNamingIt() {
            // given
            JavaClasses classes = importPackages(SEEDED + ".unmarked");

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result)).contains("package " + SEEDED + ".unmarked is not annotated @NullMarked");
        }

        @Test
        void passesOnPackagesWhosePackageInfoIsNullMarked() {
            // given
            JavaClasses classes = importPackages(SEEDED + ".walls", SEEDED + ".cycle", SEEDED + ".caught");

            // when
            EvaluationResult result = rule.evaluate(classes);

            // then
            assertThat(result.hasViolation()).as(report(result)).isFalse();
        }
    }

    @Nested
    class TheAiosModules {
        @ParameterizedTest
        @CsvSource({
            "dev.aios.agent, dev.aios.agent",
            "dev.aios.agent.messaging.internal, dev.aios.agent",
            "dev.aios.agent.persona.internal, dev.aios.agent.persona",
            "dev.aios.agents.cto, dev.aios.agents.cto",
            "dev.aios.agents.qa.sandbox.internal, dev.aios.agents.qa",
            "dev.aios.router.budget.internal, dev.aios.router",
            "dev.aios.router.client.internal, dev.aios.router.client",
            "dev.aios.router.policy, dev.aios.router.policy",
            "dev.aios.router.evaluation, dev.aios.router.evaluation",
            "dev.aios.orchestrator.dispatch.internal, dev.aios.orchestrator",
            "dev.aios.standalone.platform, dev.aios.standalone",
            "dev.aios.knowledge, dev.aios.knowledge",
            "dev.aios.events.v1, dev.aios.events"
        })
        void placeEachPackageInTheModuleWithTheLongestRoot(String packageName, String module) {
            assertThat(ModuleRoots.AIOS.moduleOf(packageName)).contains(module);
        }

        @ParameterizedTest
        @ValueSource(strings = {"dev.aios", "dev.aios.agents", "dev.aios.routerx", "com.example.internal"})
        void leavePackagesOfNoModuleOutside(String packageName) {
            assertThat(ModuleRoots.AIOS.moduleOf(packageName)).isEmpty();
        }
    }

    private static JavaClasses importPackages(String... packages) {
        return new ClassFileImporter().importPackages(packages);
    }

    private static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
