package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed prefixes of recently used project streams. Events are immutable, so a cached prefix stays true; the
 * store is still read from the cached version on, which picks up what other replicas appended. Updated only
 * after a commit, so a rolled-back decision never enters it.
 */
final class StreamCache {
    private final int capacity;
    private final Map<String, List<Message>> streams;

    StreamCache(int capacity) {
        this.capacity = capacity;
        this.streams = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Message>> eldest) {
                return size() > StreamCache.this.capacity;
            }
        };
    }

    synchronized List<Message> get(String stream) {
        return streams.getOrDefault(stream, List.of());
    }

    /** Keeps the longer of what is cached and what was just committed (another thread may have gone further). */
    synchronized void put(String stream, List<Message> events) {
        List<Message> cached = streams.get(stream);
        if (cached == null || cached.size() < events.size()) {
            streams.put(stream, List.copyOf(events));
        }
    }
}
