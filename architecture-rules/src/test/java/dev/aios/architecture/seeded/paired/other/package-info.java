@NullMarked
package dev.aios.architecture.seeded.paired.other;

import org.jspecify.annotations.NullMarked;
