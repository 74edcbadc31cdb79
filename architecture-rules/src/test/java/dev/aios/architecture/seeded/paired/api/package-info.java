@NullMarked
package dev.aios.architecture.seeded.paired.api;

import org.jspecify.annotations.NullMarked;
