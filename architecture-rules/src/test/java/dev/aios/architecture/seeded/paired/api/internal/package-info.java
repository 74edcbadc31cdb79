@NullMarked
package dev.aios.architecture.seeded.paired.api.internal;

import org.jspecify.annotations.NullMarked;
