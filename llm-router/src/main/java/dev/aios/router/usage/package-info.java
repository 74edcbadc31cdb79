/** Usage and cost of every call, published as {@code LlmCallCompleted} through the {@link dev.aios.router.usage.UsageRecorder} port. */
@NullMarked
package dev.aios.router.usage;

import org.jspecify.annotations.NullMarked;
