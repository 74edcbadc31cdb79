/**
 * Only AIOS services may call the router: each authenticates with its own bearer token (the router holds only SHA-256
 * digests) or, where the deployment terminates mTLS in the router, a client certificate; everyone else gets a 401
 * problem detail before any provider is reached (ADR 0041).
 */
@NullMarked
package dev.aios.router.security;

import org.jspecify.annotations.NullMarked;
