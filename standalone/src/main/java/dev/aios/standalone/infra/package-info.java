/** The infrastructure the platform runs on: embedded (broker, database, Redis) or configured. */
@NullMarked
package dev.aios.standalone.infra;

import org.jspecify.annotations.NullMarked;
