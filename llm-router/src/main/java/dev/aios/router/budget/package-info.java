/**
 * The one owner of each project's spend: a ledger that reserves a call's worst-case cost atomically before it runs and
 * settles the real cost afterwards, so calls running together cannot overspend the project's budget.
 */
@NullMarked
package dev.aios.router.budget;

import org.jspecify.annotations.NullMarked;
