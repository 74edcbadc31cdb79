/** The projects API: submit, read, stop and fund projects, and the OpenAPI document. */
@NullMarked
package dev.aios.orchestrator.api;

import org.jspecify.annotations.NullMarked;
