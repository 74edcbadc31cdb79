package dev.aios.orchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per process group from /proc (Linux): this JVM, RabbitMQ (beam.smp), PostgreSQL (postgres), Redis,
 * and the whole machine, so a run can say where its CPU went. Processes that exit between two snapshots (short
 * PostgreSQL backends) are not counted; the benchmark's connections are pooled, so they live through the window.
 */
final class CpuAccounting {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

    private CpuAccounting() {}

    /** Seconds of CPU per group, or an empty map where /proc is not there. */
    static Map<String, Double> snapshot() {
        var seconds = new LinkedHashMap<String, Double>();
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return seconds;
        }
        seconds.put(
                "benchmark JVM (orchestrator + scripted agents)",
                ticks(ProcessHandle.current().pid()) / TICKS_PER_SECOND);
        seconds.put("RabbitMQ", sum("beam.smp"));
        seconds.put("PostgreSQL", sum("postgres"));
        seconds.put("Redis", sum("redis-server"));
        seconds.put("whole machine", machine());
        return seconds;
    }

    /** Prints milliseconds of CPU per task for each group between two snapshots. */
    static void print(Map<String, Double> before, Map<String, Double> after, int tasks, double wallSeconds) {
        if (before.isEmpty() || tasks == 0) {
            return;
        }
        var line = new StringBuilder("CPU per task in the throughput round (ms; cores busy):");
        for (var entry : after.entrySet()) {
            double used = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
            line.append(String.format(" %s %.2f (%.2f);", entry.getKey(), used * 1000 / tasks, used / wallSeconds));
        }
        System.out.println(line);
    }

    private static double sum(String command) {
        double total = 0;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            for (ProcessHandle p : (Iterable<ProcessHandle>) all::iterator) {
                if (p.info()
                        .command()
                        .map(c -> c.endsWith("/" + command) || c.equals(command))
                        .orElse(false)) {
                    total += ticks(p.pid());
                }
            }
        }
        return total / TICKS_PER_SECOND;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command (which may contain spaces) start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait are not work
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
