package dev.aios.router.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when no event publisher is wired: usage still reaches the metrics, but no LlmCallCompleted is published. */
public final class DisabledUsageRecorder implements UsageRecorder {
    private static final Logger log = LoggerFactory.getLogger(DisabledUsageRecorder.class);

    @Override
    public void record(LlmCall call) {
        log.debug(
                "LlmCallCompleted not published (no publisher): {} {} {} micros",
                call.tier(),
                call.model(),
                call.costMicros());
    }
}
