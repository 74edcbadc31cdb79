/** The router's client API: an LLM call, its request, response and failures, over HTTP or in-process. */
@NullMarked
package dev.aios.router.client;

import org.jspecify.annotations.NullMarked;
