/** What every persona shares: versioned prompts, structured-output parsing with one bounded repair, changesets. */
@NullMarked
package dev.aios.agent.persona;

import org.jspecify.annotations.NullMarked;
