/** The exact-match response cache in Redis. */
@NullMarked
package dev.aios.router.cache;

import org.jspecify.annotations.NullMarked;
