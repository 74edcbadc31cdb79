package dev.aios.router.usage;

/** Where completed calls go so cost can be summed per task, sprint and project. Must not fail the call. */
public interface UsageRecorder {
    void record(LlmCall call);
}
