/**
 * The offline router evaluation and the fit of the shipped complexity model: SWE-bench Verified (splits, candidate
 * fits, the resolved-rate and cost tables), the easy-task check on HumanEval+ / MBPP+, and the GSM8K / MMLU / MT-Bench /
 * LiveCodeBench APGR tables. Never on the router's class path.
 */
@NullMarked
package dev.aios.router.evaluation;

import org.jspecify.annotations.NullMarked;
