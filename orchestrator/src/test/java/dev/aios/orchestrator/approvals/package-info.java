@org.jspecify.annotations.NullMarked
package dev.aios.orchestrator.approvals;
