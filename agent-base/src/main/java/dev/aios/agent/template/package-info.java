/** See the package's types; nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package dev.aios.agent.template;

import org.jspecify.annotations.NullMarked;
