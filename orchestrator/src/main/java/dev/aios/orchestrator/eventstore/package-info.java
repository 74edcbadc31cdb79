/** The append-only event store, its optimistic concurrency, and the envelope codec of the events it holds. */
@NullMarked
package dev.aios.orchestrator.eventstore;

import org.jspecify.annotations.NullMarked;
