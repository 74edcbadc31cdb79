/**
 * Record and replay of model exchanges ("cassettes"): a run against live models is written to a versioned JSON file,
 * and a replay answers the same calls from it with no provider, refusing any call the recording does not hold.
 */
@NullMarked
package dev.aios.router.cassette;

import org.jspecify.annotations.NullMarked;
