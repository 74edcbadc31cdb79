package dev.aios.router.policy.bench;

import dev.aios.router.policy.ComplexityRoutingPolicy;
import dev.aios.router.policy.RoutingDecision;
import dev.aios.router.policy.RoutingPolicy;
import dev.aios.router.policy.RoutingRequest;
import dev.aios.router.policy.Tier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decision latency of {@link ComplexityRoutingPolicy#decide} against an always-GPT baseline policy, over a mix of
 * realistic requests (chat, code review with a stack trace, a long planning prompt, persona task prompts of about 2k
 * and 8k tokens, and an 8k-token prompt without a task heading, the slowest case), warmed up, in one run.
 * Run with {@code ./aios bench routing-decision}.
 */
public final class RoutingDecisionBenchmark {

    private static final int ROUNDS = 3;

    private RoutingDecisionBenchmark() {}

    /** Optional arguments: warm-up calls and measured calls per round (defaults 50,000 and 100,000). */
    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<RoutingRequest> requests = requests();
        RoutingPolicy ours = ComplexityRoutingPolicy.withDefaults();
        RoutingDecision fixed = new RoutingDecision(Tier.GPT, 0, Map.of(), "always gpt", false, false);
        RoutingPolicy baseline = request -> fixed;
        long sink = 0;
        sink += run(ours, requests, warmup, null);
        sink += run(baseline, requests, warmup, null);
        System.out.printf(
                Locale.ROOT,
                "system load average %.1f on %d cores (wall time includes being descheduled; cpu time is this thread's own)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "routing decision latency: %d requests per round (mix of %d kinds, prompts %d-%d chars), %d rounds, after %d warm-up calls each%n",
                measured,
                requests.size(),
                requests.stream().mapToInt(r -> r.prompt().length()).min().orElse(0),
                requests.stream().mapToInt(r -> r.prompt().length()).max().orElse(0),
                ROUNDS,
                warmup);
        for (int round = 1; round <= ROUNDS; round++) {
            long[] a = new long[measured], b = new long[measured], aCpu = new long[measured], bCpu = new long[measured];
            sink += run(ours, requests, measured, a);
            sink += run(baseline, requests, measured, b);
            sink += runCpu(ours, requests, measured, aCpu);
            sink += runCpu(baseline, requests, measured, bCpu);
            print("round " + round + " wall ComplexityRoutingPolicy", a);
            print("round " + round + " wall baseline (always gpt)  ", b);
            print("round " + round + " cpu  ComplexityRoutingPolicy", aCpu);
            print("round " + round + " cpu  baseline (always gpt)  ", bCpu);
        }
        printPerKind(ours, requests, measured / requests.size());
        // printed so the JIT cannot drop the calls whose results it would otherwise never see
        System.out.println("checksum " + sink);
    }

    private static long run(RoutingPolicy policy, List<RoutingRequest> requests, int calls, long[] nanos) {
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            RoutingRequest request = requests.get(i % requests.size());
            long start = System.nanoTime();
            RoutingDecision decision = policy.decide(request);
            long took = System.nanoTime() - start;
            if (nanos != null) {
                nanos[i] = took;
            }
            sink += decision.tier().ordinal() + decision.reason().length();
        }
        return sink;
    }

    /** Per-call thread CPU time: what the decision costs, without the time the thread waited for a core. */
    private static long runCpu(RoutingPolicy policy, List<RoutingRequest> requests, int calls, long[] nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            RoutingRequest request = requests.get(i % requests.size());
            long start = threads.getCurrentThreadCpuTime();
            RoutingDecision decision = policy.decide(request);
            nanos[i] = threads.getCurrentThreadCpuTime() - start;
            sink += decision.tier().ordinal() + decision.reason().length();
        }
        return sink;
    }

    /** CPU time per request kind, to show which prompts cost what. */
    private static void printPerKind(RoutingPolicy policy, List<RoutingRequest> requests, int callsEach) {
        for (int k = 0; k < requests.size(); k++) {
            long[] nanos = new long[callsEach];
            runCpu(policy, List.of(requests.get(k)), callsEach, nanos);
            RoutingRequest r = requests.get(k);
            print(
                    String.format(
                            Locale.ROOT,
                            "cpu  ComplexityRoutingPolicy %-8s %-10s %4d chars",
                            r.role(),
                            r.taskKind(),
                            r.prompt().length()),
                    nanos);
        }
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%s  p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %8.1f us%n",
                label,
                at(sorted, 0.50) / 1e3,
                at(sorted, 0.99) / 1e3,
                at(sorted, 0.999) / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static List<RoutingRequest> requests() {
        String planning = """
                You are the CTO. Design the architecture for a multi-tenant invoicing service: explain the trade-off
                between a shared schema and a schema per tenant, compare event sourcing with CRUD, and plan the sprint.
                1. List the services and their events.
                2. Estimate each task in points.
                3. Justify why the order of the backlog minimises risk.
                """.repeat(12);
        String review = """
                The test fails after the change in src/main/java/dev/aios/billing/InvoiceService.java and
                src/test/java/dev/aios/billing/InvoiceServiceTest.java:
                java.lang.IllegalStateException: invoice 42 already closed
                    at dev.aios.billing.InvoiceService.close(InvoiceService.java:88)
                    at dev.aios.billing.InvoiceServiceTest.closesOnce(InvoiceServiceTest.java:31)
                ```java
                public void close(InvoiceId id) { var invoice = repository.find(id); if (invoice.closed()) throw new IllegalStateException(); }
                ```
                Why does it fail and how should close() be made idempotent?
                """;
        String chat = "Write a short release note for version 1.4 that mentions the faster search.";
        String math =
                "A sprint has 34 points and 5 engineers; if each finishes 8 points, how many points remain? Calculate 34 - 5 * 8 = x.";
        return List.of(
                new RoutingRequest(
                        "cto", "planning", "HIGH", 8, planning, 3, 4000, 0, Optional.empty(), Optional.of(2_000_000L)),
                new RoutingRequest(
                        "backend",
                        "defect_fix",
                        "MEDIUM",
                        3,
                        review,
                        4,
                        1500,
                        2,
                        Optional.empty(),
                        Optional.of(40_000L)),
                new RoutingRequest("devops", "docs", "LOW", 1, chat, 1, 300, 0, Optional.empty(), Optional.empty()),
                new RoutingRequest("qa", "tests", "", 2, math, 2, 800, 1, Optional.empty(), Optional.empty()),
                new RoutingRequest(
                        "frontend",
                        "code",
                        "MEDIUM",
                        5,
                        review,
                        2,
                        2000,
                        3,
                        Optional.of(Tier.CLAUDE),
                        Optional.empty()),
                // persona task prompts as TaskBriefing renders them: about 2k and 8k tokens
                new RoutingRequest(
                        "backend",
                        "code",
                        "MEDIUM",
                        5,
                        TaskPrompts.of(8_000),
                        2,
                        4000,
                        3,
                        Optional.empty(),
                        Optional.empty()),
                new RoutingRequest(
                        "backend",
                        "code",
                        "HIGH",
                        8,
                        TaskPrompts.of(32_000),
                        2,
                        4000,
                        12,
                        Optional.empty(),
                        Optional.empty()),
                // a CTO prompt of about 8k tokens without a task heading: every text signal reads its bounded prefix
                new RoutingRequest(
                        "cto",
                        "planning",
                        "HIGH",
                        8,
                        planning.repeat(8),
                        3,
                        4000,
                        0,
                        Optional.empty(),
                        Optional.empty()));
    }
}
