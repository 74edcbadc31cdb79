package dev.aios.standalone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.aios.architecture.AiosArchitectureConventions;

@AnalyzeClasses(packages = "dev.aios.standalone", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest implements AiosArchitectureConventions {}
