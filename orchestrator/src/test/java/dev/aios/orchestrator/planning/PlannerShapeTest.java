package dev.aios.orchestrator.planning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The planner's shape (ADR 0013): reactions side by side, each reading the state and sharing the collaborators, never
 * calling one another; and states that nothing changes once made.
 */
@AnalyzeClasses(packages = "dev.aios.orchestrator.planning", importOptions = ImportOption.DoNotIncludeTests.class)
class PlannerShapeTest {
    @ArchTest
    static final ArchRule reactionsDoNotDependOnEachOther = noClasses()
            .that()
            .haveSimpleNameStartingWith("When")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameStartingWith("When")
            .because("a reaction is added or changed alone; what reactions share lives in Dispatch, Sprints, Retries, "
                    + "Replanning and Halts");

    @ArchTest
    static final ArchRule onlyThePlannerKnowsTheReactions = noClasses()
            .that()
            .doNotHaveSimpleName("SprintPlanner")
            .and()
            .haveSimpleNameNotStartingWith("When")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameStartingWith("When")
            .because("the collaborators serve every reaction and must not route to one");

    @ArchTest
    static final ArchRule statesAreImmutable = fields().that()
            .areDeclaredIn(ProjectState.class)
            .or()
            .areDeclaredIn(TaskState.class)
            .or()
            .areDeclaredIn(TaskTable.class)
            .should()
            .beFinal()
            .because("a decision never changes the state it was given; evolve makes a new one (ADR 0013)");

    @ArchTest
    static final ArchRule theFoldIsTheOnlyDraft = noClasses()
            .that()
            .doNotHaveSimpleName("ProjectState")
            .and()
            .doNotHaveSimpleName("ProjectEvolution")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("ProjectEvolution")
            .because("states are made by ProjectState.evolve and ProjectState.from alone");
}
