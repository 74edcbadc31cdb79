/** The standalone launcher: {@code aios demo} and {@code aios up}, the whole platform in one JVM. */
@NullMarked
package dev.aios.standalone;

import org.jspecify.annotations.NullMarked;
