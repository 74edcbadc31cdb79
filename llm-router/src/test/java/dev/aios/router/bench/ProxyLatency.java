package dev.aios.router.bench;

import dev.aios.router.client.RouterHeaders;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round trips through the router's {@code POST /v1/chat/completions} to a fake OpenAI provider vs the same request
 * sent to the fake directly. The router and the fake each run in their own JVM ({@link RouterProcess},
 * {@link FakeProviderProcess}); this JVM only sends, one call at a time on a keep-alive connection.
 */
final class ProxyLatency {
    private static final String BODY = "{\"model\":\"auto\",\"temperature\":0.7,\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"system\",\"content\":\"You are the backend engineer.\"},"
            + "{\"role\":\"user\",\"content\":\"Write a REST endpoint that lists todos, with a test.\"}]}";

    private static final List<String> FAKE_JVM = List.of("-Xmx512m");

    /** Warm-up rounds repeat until one compiles less than this in the three JVMs together (or the cap is reached). */
    private static final long WARM_JIT_MILLIS = 150;

    private static final int MAX_WARM_UP_ROUNDS = 10;

    private static final int QUARTERS = 4;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int calls;
    private final List<String> routerJvm;

    ProxyLatency(int calls, List<String> routerJvm) {
        this.calls = calls;
        this.routerJvm = List.copyOf(routerJvm);
    }

    /** The shipped policy, then a constant one: the difference is what scoring adds to every proxied call. */
    void run() throws Exception {
        try (ChildJvm fake = ChildJvm.start("fake provider", FAKE_JVM, FakeProviderProcess.class)) {
            HttpRequest direct = HttpRequest.newBuilder(fake.url("/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer bench")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY.replace("\"auto\"", "\"fake-gpt\"")))
                    .build();
            List<String> summary = new ArrayList<>();
            for (String policy : List.of("complexity", "fixed")) {
                try (ChildJvm router = ChildJvm.start(
                        "router",
                        routerJvm,
                        RouterProcess.class,
                        policy,
                        fake.url("/v1").toString())) {
                    HttpRequest proxied = HttpRequest.newBuilder(router.url("/v1/chat/completions"))
                            .header("Content-Type", "application/json")
                            .header(RouterHeaders.TIER_OVERRIDE, "gpt")
                            .header("Authorization", "Bearer " + RouterProcess.TOKEN.value())
                            .header(RouterHeaders.ROLE, "backend")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY))
                            .build();
                    summary.add(compare(policy, fake, router, direct, proxied));
                }
            }
            System.out.println(
                    "\n== summary: proxy added latency (router p - direct p, same run), target p99 < 2 ms ==");
            summary.forEach(System.out::println);
            System.out.println(
                    "On a busy machine (load average above the core count) every hop waits for a core, so the tails measure "
                            + "the contention more than the router; the router JVM's CPU per call does not depend on the load as much.");
        }
    }

    /** Measures one router against the fake; returns its summary line. */
    private String compare(String policy, ChildJvm fake, ChildJvm router, HttpRequest direct, HttpRequest proxied)
            throws Exception {
        // warm up until the JIT is quiet in all three JVMs: on 2 cores the compiler threads take CPU from whichever
        // side is timing (a router measured cold showed ~3 s of compilation inside its timed calls)
        int rounds = 0;
        long roundJit;
        do {
            Jvms before = Jvms.now(fake, router);
            roundTrips(direct, calls / 2, new long[calls / 2], 0);
            roundTrips(proxied, calls, new long[calls], 0);
            roundJit = Jvms.now(fake, router).minus(before).jitMillis();
            rounds++;
        } while (roundJit > WARM_JIT_MILLIS && rounds < MAX_WARM_UP_ROUNDS);
        // then alternate quarters, so both sides see the same machine state
        long[] directNanos = new long[calls];
        long[] proxiedNanos = new long[calls];
        Jvms directSide = Jvms.ZERO;
        Jvms routerSide = Jvms.ZERO;
        double loadBefore = loadAverage();
        for (int q = 0; q < QUARTERS; q++) {
            int from = calls * q / QUARTERS;
            int count = calls * (q + 1) / QUARTERS - from;
            Jvms start = Jvms.now(fake, router);
            roundTrips(direct, count, directNanos, from);
            Jvms middle = Jvms.now(fake, router);
            roundTrips(proxied, count, proxiedNanos, from);
            directSide = directSide.plus(middle.minus(start));
            routerSide = routerSide.plus(Jvms.now(fake, router).minus(middle));
        }
        return report(policy, router, directNanos, proxiedNanos, directSide, routerSide, rounds, roundJit, loadBefore);
    }

    private String report(
            String policy,
            ChildJvm router,
            long[] directNanos,
            long[] proxiedNanos,
            Jvms directSide,
            Jvms routerSide,
            int rounds,
            long roundJit,
            double loadBefore) {
        System.out.println(
                "\n== proxy round trip, policy '" + policy + "': client (this JVM), router and fake provider each in "
                        + "their own JVM; sequential calls, keep-alive ==");
        System.out.println("router JVM: " + router.jvm());
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d round(s) of %d direct + %d proxied calls (last round compiled %d ms in the "
                        + "three JVMs; the target is < %d ms); load average %.2f before timing, %.2f after%n",
                rounds,
                calls / 2,
                calls,
                roundJit,
                WARM_JIT_MILLIS,
                loadBefore,
                loadAverage());
        Latencies.print("through the router", proxiedNanos);
        Latencies.print("baseline: fake called directly", directNanos);
        double addedP50 = added(proxiedNanos, directNanos, 0, calls, 0.50);
        double addedP99 = added(proxiedNanos, directNanos, 0, calls, 0.99);
        System.out.printf(
                Locale.ROOT,
                "added by the router (router p - direct p): p50 %.3f ms, p99 %.3f ms (target p99 < 2 ms: %s)%n",
                addedP50,
                addedP99,
                addedP99 < 2.0 ? "met" : "NOT met");
        List<String> quarters = new ArrayList<>();
        for (int q = 0; q < QUARTERS; q++) {
            int from = calls * q / QUARTERS;
            quarters.add(String.format(
                    Locale.ROOT,
                    "%.3f",
                    added(proxiedNanos, directNanos, from, calls * (q + 1) / QUARTERS - from, 0.99)));
        }
        System.out.println("added p99 in each quarter of the timed calls: " + String.join(" / ", quarters) + " ms");
        System.out.println("while timing the router side: " + routerSide.describe());
        System.out.println("while timing the direct side: " + directSide.describe());
        System.out.printf(
                Locale.ROOT,
                "CPU per call while timing (all threads: calls, JIT, GC): router side: router JVM %.1f µs, fake JVM %.1f µs, client JVM %.1f µs; "
                        + "direct side: fake JVM %.1f µs, client JVM %.1f µs%n",
                routerSide.router().cpuMicrosPerCall(calls),
                routerSide.fake().cpuMicrosPerCall(calls),
                routerSide.client().cpuMicrosPerCall(calls),
                directSide.fake().cpuMicrosPerCall(calls),
                directSide.client().cpuMicrosPerCall(calls));
        return String.format(
                Locale.ROOT,
                "policy '%s': added p50 %.3f ms, p99 %.3f ms (%s); added p99 per quarter %s ms; router JVM "
                        + "CPU %.1f µs per call; load average %.2f",
                policy,
                addedP50,
                addedP99,
                addedP99 < 2.0 ? "met" : "NOT met",
                String.join(" / ", quarters),
                routerSide.router().cpuMicrosPerCall(calls),
                loadBefore);
    }

    private static double added(long[] proxied, long[] direct, int from, int count, double p) {
        return (Latencies.percentile(proxied, from, count, p) - Latencies.percentile(direct, from, count, p)) / 1e6;
    }

    private void roundTrips(HttpRequest request, int n, long[] nanos, int offset) throws Exception {
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[offset + i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "call to " + request.uri() + " failed with " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** What each of the three JVMs did over an interval. */
    private record Jvms(JvmActivity fake, JvmActivity router, JvmActivity client) {
        static final Jvms ZERO = new Jvms(JvmActivity.ZERO, JvmActivity.ZERO, JvmActivity.ZERO);

        static Jvms now(ChildJvm fake, ChildJvm router) throws Exception {
            return new Jvms(fake.activity(), router.activity(), JvmActivity.now());
        }

        Jvms plus(Jvms other) {
            return new Jvms(fake.plus(other.fake), router.plus(other.router), client.plus(other.client));
        }

        Jvms minus(Jvms other) {
            return new Jvms(fake.minus(other.fake), router.minus(other.router), client.minus(other.client));
        }

        long jitMillis() {
            return fake.jitMillis() + router.jitMillis() + client.jitMillis();
        }

        String describe() {
            return "router JVM " + router.describe() + "; fake JVM " + fake.describe() + "; client JVM "
                    + client.describe();
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
