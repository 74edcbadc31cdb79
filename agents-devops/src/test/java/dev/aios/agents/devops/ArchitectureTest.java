package dev.aios.agents.devops;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.aios.architecture.AiosArchitectureConventions;

@AnalyzeClasses(packages = "dev.aios.agents.devops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest implements AiosArchitectureConventions {}
