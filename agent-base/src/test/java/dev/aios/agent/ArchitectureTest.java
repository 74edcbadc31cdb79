package dev.aios.agent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.aios.architecture.AiosArchitectureConventions;

/** The shared conventions and walls, the package-cycle rule included (issue 13 split agent-base's cycles). */
@AnalyzeClasses(packages = "dev.aios.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest implements AiosArchitectureConventions {}
