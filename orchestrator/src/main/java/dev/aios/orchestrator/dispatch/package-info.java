/** The decision loops: each message runs the planner on fresh state and commits what it decided in one transaction. */
@NullMarked
package dev.aios.orchestrator.dispatch;

import org.jspecify.annotations.NullMarked;
