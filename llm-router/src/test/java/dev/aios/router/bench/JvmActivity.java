package dev.aios.router.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One JVM's accumulated GC and JIT work and CPU time: stop-the-world pauses, concurrent collector cycles (ZGC and
 * Shenandoah report those through beans named "... Cycles", whose time is not a pause), compilation time and the
 * process's CPU time (all threads), which a busy machine inflates far less than wall-clock latency. Subtract two readings to
 * get what happened in between; {@link #line()} and {@link #parse} carry a reading across the child-process pipe.
 */
record JvmActivity(long pauses, long pauseMillis, long cycles, long cycleMillis, long jitMillis, long cpuNanos) {
    static final JvmActivity ZERO = new JvmActivity(0, 0, 0, 0, 0, 0);

    static JvmActivity now() {
        long pauses = 0;
        long pauseMillis = 0;
        long cycles = 0;
        long cycleMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().endsWith("Cycles")) {
                cycles += Math.max(0, gc.getCollectionCount());
                cycleMillis += Math.max(0, gc.getCollectionTime());
            } else {
                pauses += Math.max(0, gc.getCollectionCount());
                pauseMillis += Math.max(0, gc.getCollectionTime());
            }
        }
        return new JvmActivity(
                pauses,
                pauseMillis,
                cycles,
                cycleMillis,
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime());
    }

    static JvmActivity parse(String line) {
        String[] parts = line.split(" ");
        if (parts.length != 7 || !parts[0].equals("activity")) {
            throw new IllegalStateException("not an activity line: " + line);
        }
        return new JvmActivity(
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                Long.parseLong(parts[4]),
                Long.parseLong(parts[5]),
                Long.parseLong(parts[6]));
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "activity %d %d %d %d %d %d",
                pauses,
                pauseMillis,
                cycles,
                cycleMillis,
                jitMillis,
                cpuNanos);
    }

    JvmActivity plus(JvmActivity other) {
        return new JvmActivity(
                pauses + other.pauses,
                pauseMillis + other.pauseMillis,
                cycles + other.cycles,
                cycleMillis + other.cycleMillis,
                jitMillis + other.jitMillis,
                cpuNanos + other.cpuNanos);
    }

    JvmActivity minus(JvmActivity other) {
        return new JvmActivity(
                pauses - other.pauses,
                pauseMillis - other.pauseMillis,
                cycles - other.cycles,
                cycleMillis - other.cycleMillis,
                jitMillis - other.jitMillis,
                cpuNanos - other.cpuNanos);
    }

    /** CPU time per call in microseconds, for {@code calls} calls over the interval this reading covers. */
    double cpuMicrosPerCall(int calls) {
        return cpuNanos / 1e3 / calls;
    }

    /** e.g. "GC 3 pauses / 5 ms, JIT 12 ms" (concurrent cycles only when the collector has them). */
    String describe() {
        String concurrent = cycles == 0 && cycleMillis == 0
                ? ""
                : String.format(Locale.ROOT, " (+ %d concurrent cycles / %d ms)", cycles, cycleMillis);
        return String.format(
                Locale.ROOT, "GC %d pauses / %d ms%s, JIT %d ms", pauses, pauseMillis, concurrent, jitMillis);
    }
}
