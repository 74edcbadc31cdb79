package dev.aios.agents.cto;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.aios.architecture.AiosArchitectureConventions;

@AnalyzeClasses(packages = "dev.aios.agents.cto", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest implements AiosArchitectureConventions {}
