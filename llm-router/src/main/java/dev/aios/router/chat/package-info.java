/** The router's calls: validation, routing, budget, the provider chain, cost and usage; HTTP and in-process entry points. */
@NullMarked
package dev.aios.router.chat;

import org.jspecify.annotations.NullMarked;
