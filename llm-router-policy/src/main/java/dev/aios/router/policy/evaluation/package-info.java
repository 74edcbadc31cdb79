/** Offline evaluation of the routing score on public per-prompt outcomes: splits, fit, APGR and CPT. */
@NullMarked
package dev.aios.router.policy.evaluation;

import org.jspecify.annotations.NullMarked;
