package dev.aios.agent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.aios.architecture.AiosArchitectureConventions;

/**
 * The shared conventions and walls except {@code packagesAreFreeOfCycles}: {@code dev.aios.agent}, {@code messaging},
 * {@code task} and {@code changeset} still depend on each other in a cycle, which the split of agent-base in issue 13
 * removes; this class then becomes {@code implements AiosArchitectureConventions} like every other module's.
 */
@AnalyzeClasses(packages = "dev.aios.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule internalPackagesStayInTheirModule =
            AiosArchitectureConventions.internalPackagesStayInTheirModule;

    @ArchTest
    static final ArchRule packagesAreNullMarked = AiosArchitectureConventions.packagesAreNullMarked;

    @ArchTest
    static final ArchRule protobufStaysInMessagingPackages =
            AiosArchitectureConventions.protobufStaysInMessagingPackages;

    @ArchTest
    static final ArchRule noLombok = AiosArchitectureConventions.noLombok;

    @ArchTest
    static final ArchRule packageByFeature = AiosArchitectureConventions.packageByFeature;
}
