package dev.aios.agents.qa;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.aios.architecture.AiosArchitectureConventions;

@AnalyzeClasses(packages = "dev.aios.agents.qa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest implements AiosArchitectureConventions {}
