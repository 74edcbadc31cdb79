package dev.aios.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The conventions every module checks with one line: {@code class ArchitectureTest implements
 * AiosArchitectureConventions} annotated with {@code @AnalyzeClasses(packages = "<the module's root>", importOptions =
 * ImportOption.DoNotIncludeTests.class)}. The walls (cycles, internal packages, nullness) are {@link ModuleWalls}
 * over {@link ModuleRoots#AIOS}.
 */
public interface AiosArchitectureConventions {
    @ArchTest
    ArchRule packagesAreFreeOfCycles = ModuleWalls.packagesAreFreeOfCycles(ModuleRoots.AIOS);

    @ArchTest
    ArchRule internalPackagesStayInTheirModule = ModuleWalls.internalPackagesStayInTheirModule(ModuleRoots.AIOS);

    @ArchTest
    ArchRule packagesAreNullMarked = ModuleWalls.packagesAreNullMarked(ModuleRoots.AIOS);

    @ArchTest
    ArchRule protobufStaysInMessagingPackages = noClasses()
            .that()
            .resideOutsideOfPackages("..messaging..", "dev.aios.events.v1..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.aios.events.v1..")
            .because("protobuf never crosses the adapter: map to records in a ..messaging.. package");

    @ArchTest
    ArchRule noLombok = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("lombok..")
            .because("constructors and records say it plainly");

    @ArchTest
    ArchRule packageByFeature = noClasses()
            .should()
            .resideInAnyPackage("..service..", "..controller..", "..model..", "..dto..")
            .allowEmptyShould(true)
            .because("packages are features, not layers");
}
