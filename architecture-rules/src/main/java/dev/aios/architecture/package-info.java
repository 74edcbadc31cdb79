/** The ArchUnit rules every AIOS module's {@code ArchitectureTest} checks: walls between modules, conventions. */
@NullMarked
package dev.aios.architecture;

import org.jspecify.annotations.NullMarked;
