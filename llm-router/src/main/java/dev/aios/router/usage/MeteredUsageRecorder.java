package dev.aios.router.usage;

import io.micrometer.core.instrument.MeterRegistry;

/** Counts cost and calls per tier in Micrometer, then hands the call on (to the event publisher). */
public final class MeteredUsageRecorder implements UsageRecorder {
    private final UsageRecorder next;
    private final MeterRegistry registry;

    public MeteredUsageRecorder(UsageRecorder next, MeterRegistry registry) {
        this.next = next;
        this.registry = registry;
    }

    @Override
    public void record(LlmCall call) {
        registry.counter("aios.router.cost.micros", "tier", call.tier()).increment(call.costMicros());
        registry.counter(
                        "aios.router.calls",
                        "tier",
                        call.tier(),
                        "requested_tier",
                        call.requestedTier(),
                        "cached",
                        Boolean.toString(call.cached()),
                        "fallback",
                        Boolean.toString(call.fallback()),
                        "scripted",
                        Boolean.toString(call.scripted()))
                .increment();
        next.record(call);
    }
}
