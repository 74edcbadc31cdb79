/** The router client every persona service uses unless the application supplies its own. */
@NullMarked
package dev.aios.agent.persona.router;

import org.jspecify.annotations.NullMarked;
