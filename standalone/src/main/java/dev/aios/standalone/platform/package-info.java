/** The services of the platform started in this JVM, each as its own Spring Boot application. */
@NullMarked
package dev.aios.standalone.platform;

import org.jspecify.annotations.NullMarked;
