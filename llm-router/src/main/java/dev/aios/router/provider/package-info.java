/** The {@link dev.aios.router.provider.ChatProvider} port, its wire adapters and its resilience decorators. */
@NullMarked
package dev.aios.router.provider;

import org.jspecify.annotations.NullMarked;
