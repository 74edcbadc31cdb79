package dev.aios.router.evaluation;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.aios.architecture.AiosArchitectureConventions;

@AnalyzeClasses(packages = "dev.aios.router.evaluation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest implements AiosArchitectureConventions {}
