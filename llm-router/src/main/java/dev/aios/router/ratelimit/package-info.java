/**
 * Provider rate limits shared by every router replica: token buckets of requests and tokens per minute in Redis,
 * taken before a call reaches its provider, and a provider's own {@code Retry-After} held for all replicas.
 */
@NullMarked
package dev.aios.router.ratelimit;

import org.jspecify.annotations.NullMarked;
