package dev.aios.router.bench;

import dev.aios.router.chat.FixedTierRoutingPolicy;
import dev.aios.router.policy.ComplexityRoutingPolicy;
import dev.aios.router.policy.RoutingPolicy;
import dev.aios.router.policy.RoutingRequest;
import dev.aios.router.policy.Tier;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two figures, each with its baseline from the same run: (1) routing decision latency of the complexity policy vs a
 * policy that returns a constant; (2) round trip through the router's endpoint to a local fake provider vs calling
 * the fake directly ({@link ProxyLatency}: router and fake each in their own JVM, GC and JIT of all three JVMs printed
 * beside the percentiles). Usage: {@code ./aios bench router [decisions] [calls] [--router-jvm="<JVM flags>"]}.
 */
public final class RouterBenchmark {
    /**
     * The router JVM's flags, as a deployment with a 1 GiB memory limit would run it: a fixed heap of 75 % of the limit,
     * touched at start, and the parallel collector. On 2 shared cores it gave the shortest young pauses (live set ~28 MB)
     * of G1, Serial and Parallel, and ZGC's concurrent cycles took the CPU from the calls; docs/benchmarks.md, "LLM
     * router", has the figures.
     */
    static final String ROUTER_JVM =
            "-Xms768m -Xmx768m -XX:+UseParallelGC -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError";

    private static final String USAGE = "usage: ./aios bench router [decisions] [calls] [--router-jvm=\"<JVM flags>\"]";

    private RouterBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("router benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "router benchmark: %d decisions, %d HTTP calls per side, %d cores, JDK %s, load average %.2f%n",
                options.decisions(),
                options.calls(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        decisionLatency(options.decisions());
        new ProxyLatency(options.calls(), options.routerJvm()).run();
        System.exit(0);
    }

    /** The command line; bad input is an {@link IllegalArgumentException} whose message says what to fix. */
    record Options(int decisions, int calls, List<String> routerJvm) {
        static Options parse(String... args) {
            List<Integer> numbers = new ArrayList<>();
            String routerJvm = ROUTER_JVM;
            for (String arg : args) {
                if (arg.startsWith("--router-jvm=")) {
                    routerJvm = arg.substring("--router-jvm=".length()).strip();
                    if (routerJvm.isEmpty()) {
                        throw new IllegalArgumentException(
                                "--router-jvm needs JVM flags, e.g. --router-jvm=\"" + ROUTER_JVM + "\"");
                    }
                } else if (arg.matches("\\d{1,9}")) {
                    numbers.add(Integer.parseInt(arg));
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'; " + USAGE);
                }
            }
            if (numbers.size() > 2) {
                throw new IllegalArgumentException("at most two numbers (decisions, calls); " + USAGE);
            }
            int decisions = numbers.isEmpty() ? 50_000 : numbers.get(0);
            int calls = numbers.size() < 2 ? 5_000 : numbers.get(1);
            if (decisions < 1_000) {
                throw new IllegalArgumentException(
                        "decisions must be at least 1000 (a p99.9 needs them), not " + decisions);
            }
            if (calls < 400) {
                throw new IllegalArgumentException(
                        "calls must be at least 400 (a p99 in each of four quarters needs them), not " + calls);
            }
            return new Options(decisions, calls, Arrays.asList(routerJvm.split("\\s+")));
        }
    }

    private static void decisionLatency(int n) {
        List<RoutingRequest> requests = requests();
        RoutingPolicy complexity = ComplexityRoutingPolicy.withDefaults();
        RoutingPolicy baseline = new FixedTierRoutingPolicy(Tier.GPT);
        // warm both up so the JIT has compiled them before anything is measured
        time(complexity, requests, n);
        time(baseline, requests, n);
        long[] policy = time(complexity, requests, n);
        long[] constant = time(baseline, requests, n);
        System.out.println("\n== routing decision latency (no model call) ==");
        Latencies.print("ComplexityRoutingPolicy", policy);
        Latencies.print("baseline: constant policy", constant);
        System.out.printf(
                Locale.ROOT,
                "target p99 < 1 ms: %s%n",
                Latencies.percentile(policy, 0.99) < 1_000_000 ? "met" : "NOT met");
    }

    private static long[] time(RoutingPolicy policy, List<RoutingRequest> requests, int n) {
        long[] nanos = new long[n];
        long sink = 0;
        for (int i = 0; i < n; i++) {
            RoutingRequest request = requests.get(i % requests.size());
            long start = System.nanoTime();
            sink += policy.decide(request).tier().ordinal();
            nanos[i] = System.nanoTime() - start;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink); // keeps the decisions from being optimised away
        }
        return nanos;
    }

    private static List<RoutingRequest> requests() {
        String[] roles = {"cto", "backend", "frontend", "qa", "devops"};
        String[] kinds = {"plan", "code", "test", "review", "docs"};
        String[] hints = {"", "low", "medium", "high"};
        List<RoutingRequest> requests = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String prompt =
                    "Implement feature " + i + " with a REST controller, a repository and tests. ".repeat(1 + i % 20)
                            + (i % 3 == 0 ? "```java\nclass A {}\n```" : "")
                            + (i % 5 == 0 ? " Explain the trade-offs step by step." : "");
            requests.add(new RoutingRequest(
                    roles[i % roles.length],
                    kinds[i % kinds.length],
                    hints[i % hints.length],
                    1 + i % 8,
                    prompt,
                    2 + i % 4,
                    256 * (1 + i % 8),
                    i % 12,
                    Optional.empty(),
                    i % 7 == 0 ? Optional.of(10_000L) : Optional.empty()));
        }
        return requests;
    }
}
