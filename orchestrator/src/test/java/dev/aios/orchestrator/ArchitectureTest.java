package dev.aios.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.aios.architecture.AiosArchitectureConventions;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared conventions and walls, except rule 4 in its agent form: here the protobuf events are the event-sourced
 * domain (ADR 0012), so the boundary protobuf must not cross is the HTTP API, and the planner stays pure.
 */
@AnalyzeClasses(packages = "dev.aios.orchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = AiosArchitectureConventions.packagesAreFreeOfCycles;

    @ArchTest
    static final ArchRule internalPackagesStayInTheirModule =
            AiosArchitectureConventions.internalPackagesStayInTheirModule;

    @ArchTest
    static final ArchRule packagesAreNullMarked = AiosArchitectureConventions.packagesAreNullMarked;

    @ArchTest
    static final ArchRule noLombok = AiosArchitectureConventions.noLombok;

    @ArchTest
    static final ArchRule packageByFeature = AiosArchitectureConventions.packageByFeature;

    @ArchTest
    static final ArchRule protobufNeverCrossesTheHttpApi = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .and(handleRequests())
            .should(takeOrReturnProtobuf())
            .because("API clients see JSON records, not the event contract (ADR 0012)");

    @ArchTest
    static final ArchRule thePlannerIsPure = noClasses()
            .that()
            .resideInAPackage("..orchestrator.planning..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "com.rabbitmq..",
                    "io.lettuce..",
                    "dev.aios.orchestrator.eventstore..",
                    "dev.aios.orchestrator.projection..",
                    "dev.aios.orchestrator.dispatch..")
            .because(
                    "the planner decides from events alone, which is what makes event-in/event-out tests and replays possible");

    private static DescribedPredicate<JavaMethod> handleRequests() {
        return new DescribedPredicate<>("handle requests (@GetMapping, @PostMapping, ...)") {
            @Override
            public boolean test(JavaMethod method) {
                return method.getAnnotations().stream()
                        .anyMatch(a -> a.getRawType().getPackageName().equals("org.springframework.web.bind.annotation")
                                && a.getRawType().getSimpleName().endsWith("Mapping"));
            }
        };
    }

    private static ArchCondition<JavaMethod> takeOrReturnProtobuf() {
        DescribedPredicate<JavaClass> protobuf = new DescribedPredicate<>("a protobuf type") {
            @Override
            public boolean test(JavaClass type) {
                return type.getPackageName().startsWith("dev.aios.events.v1")
                        || type.isAssignableTo(com.google.protobuf.Message.class);
            }
        };
        return new ArchCondition<>("take or return a protobuf type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean violates = protobuf.test(method.getRawReturnType())
                        || method.getRawParameterTypes().stream().anyMatch(protobuf);
                events.add(new SimpleConditionEvent(
                        method, violates, method.getFullName() + " takes or returns a protobuf type"));
            }
        };
    }
}
