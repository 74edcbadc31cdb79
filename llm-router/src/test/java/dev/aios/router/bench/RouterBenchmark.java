package dev.aios.router.bench;

import dev.aios.router.LlmRouterApplication;
import dev.aios.router.chat.FixedTierRoutingPolicy;
import dev.aios.router.client.RouterHeaders;
import dev.aios.router.policy.ComplexityRoutingPolicy;
import dev.aios.router.policy.RoutingPolicy;
import dev.aios.router.policy.RoutingRequest;
import dev.aios.router.policy.Tier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two figures, each with its baseline from the same run: (1) routing decision latency of the complexity policy vs a
 * policy that returns a constant; (2) round trip through the router's endpoint to a local fake provider vs calling
 * the fake directly (the difference is the proxy's added latency). The fake runs in its own JVM, so only the client
 * and the router share this one; GC activity is printed beside the percentiles. Usage: {@code ./aios bench router [decisions] [calls]}.
 */
public final class RouterBenchmark {
    private static final String BODY = "{\"model\":\"auto\",\"temperature\":0.7,\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"system\",\"content\":\"You are the backend engineer.\"},"
            + "{\"role\":\"user\",\"content\":\"Write a REST endpoint that lists todos, with a test.\"}]}";

    /** Warm-up rounds repeat until one compiles less than this (or the cap is reached). */
    private static final long WARM_JIT_MILLIS = 150;

    private static final int MAX_WARM_UP_ROUNDS = 6;

    private RouterBenchmark() {}

    public static void main(String[] args) throws Exception {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        System.out.printf(Locale.ROOT, "router benchmark: %d decisions, %d HTTP calls per side, %d cores, %s%n",
                decisions, calls, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        decisionLatency(decisions);
        proxyLatency(calls);
        System.exit(0);
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
        print("ComplexityRoutingPolicy", policy);
        print("baseline: constant policy", constant);
        System.out.printf(Locale.ROOT, "target p99 < 1 ms: %s%n", percentile(policy, 0.99) < 1_000_000 ? "met" : "NOT met");
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
            String prompt = "Implement feature " + i + " with a REST controller, a repository and tests. ".repeat(1 + i % 20)
                    + (i % 3 == 0 ? "```java\nclass A {}\n```" : "") + (i % 5 == 0 ? " Explain the trade-offs step by step." : "");
            requests.add(new RoutingRequest(roles[i % roles.length], kinds[i % kinds.length], hints[i % hints.length], 1 + i % 8,
                    prompt, 2 + i % 4, 256 * (1 + i % 8), i % 12, Optional.empty(),
                    i % 7 == 0 ? Optional.of(10_000L) : Optional.empty()));
        }
        return requests;
    }

    private static void proxyLatency(int n) throws Exception {
        try (FakeProvider fake = FakeProvider.start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest direct = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer bench")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY.replace("\"auto\"", "\"fake-gpt\""))).build();
            // the first router in this JVM also pays for compiling the shared HTTP and JSON path, which a second one
            // inherits: warm the JVM with a throwaway router so neither measured policy carries that cost
            ConfigurableApplicationContext warmUp = startRouter(fake.baseUrl(), "complexity");
            try {
                roundTrips(http, direct, n, new long[n], 0);
                roundTrips(http, proxiedRequest(warmUp), n, new long[n], 0);
            } finally {
                warmUp.close();
            }
            // the shipped policy, then a constant one: the difference is what scoring adds to every proxied call
            for (String policy : List.of("complexity", "fixed")) {
                ConfigurableApplicationContext router = startRouter(fake.baseUrl(), policy);
                try {
                    compare(http, direct, proxiedRequest(router), n, policy, fake);
                } finally {
                    router.close();
                }
            }
        }
    }

    private static HttpRequest proxiedRequest(ConfigurableApplicationContext router) {
        int port = Integer.parseInt(router.getEnvironment().getProperty("local.server.port", "8081"));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json").header(RouterHeaders.TIER_OVERRIDE, "gpt")
                .header(RouterHeaders.ROLE, "backend").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
    }

    private static ConfigurableApplicationContext startRouter(URI fakeBaseUrl, String policy) {
        return SpringApplication.run(LlmRouterApplication.class,
                "--server.port=0",
                "--aios.router.policy=" + policy,
                "--aios.router.tiers.gpt.base-url=" + fakeBaseUrl,
                "--aios.router.tiers.gpt.api-key=bench",
                "--aios.router.tiers.claude.api-key=",
                "--aios.router.tiers.local.base-url=",
                "--aios.router.cache.enabled=false",
                "--spring.autoconfigure.exclude=dev.aios.agent.messaging.MessagingAutoConfiguration",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }

    private static void compare(HttpClient http, HttpRequest direct, HttpRequest proxied, int n, String policy,
            FakeProvider fake) throws Exception {
        // warm-up until the JIT is quiet (on 2 cores the compiler threads take CPU from whichever side is timing:
        // without this the first router measured saw ~3 s of compilation in its timed calls), then alternate quarters
        // so both sides see the same machine state
        int rounds = 0;
        long roundJit;
        do {
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            roundTrips(http, direct, n / 2, new long[n / 2], 0);
            roundTrips(http, proxied, n, new long[n], 0);
            roundJit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit;
            rounds++;
        } while (roundJit > WARM_JIT_MILLIS && rounds < MAX_WARM_UP_ROUNDS);
        long[] directNanos = new long[n];
        long[] proxiedNanos = new long[n];
        Gc directGc = Gc.ZERO;
        Gc proxiedGc = Gc.ZERO;
        Gc fakeBefore = fake.gc();
        long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        int slices = 4;
        for (int s = 0; s < slices; s++) {
            int from = n * s / slices;
            int count = n * (s + 1) / slices - from;
            directGc = directGc.plus(roundTrips(http, direct, count, directNanos, from));
            proxiedGc = proxiedGc.plus(roundTrips(http, proxied, count, proxiedNanos, from));
        }
        long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
        Gc fakeGc = fake.gc().minus(fakeBefore);
        System.out.println("\n== proxy round trip, policy '" + policy + "' (fake OpenAI provider in its own JVM, sequential, keep-alive) ==");
        print("through the router", proxiedNanos);
        print("baseline: fake called directly", directNanos);
        double addedP50 = (percentile(proxiedNanos, 0.50) - percentile(directNanos, 0.50)) / 1e6;
        double addedP99 = (percentile(proxiedNanos, 0.99) - percentile(directNanos, 0.99)) / 1e6;
        System.out.printf(Locale.ROOT, "added by the router: p50 %.3f ms, p99 %.3f ms (target p99 < 2 ms: %s)%n",
                addedP50, addedP99, addedP99 < 2.0 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "GC while timing: benchmark JVM (client + router) %d collections / %d ms during the router "
                + "side, %d / %d ms during the direct side; fake provider JVM %d / %d ms%n", proxiedGc.count(), proxiedGc.millis(),
                directGc.count(), directGc.millis(), fakeGc.count(), fakeGc.millis());
        System.out.printf(Locale.ROOT, "JIT compilation while timing (benchmark JVM, compiler threads): %d ms, after %d warm-up "
                + "round(s) of %d + %d calls (last round compiled %d ms)%n", jitMillis, rounds, n / 2, n, roundJit);
    }

    /** Sends {@code n} requests one after another; returns the benchmark JVM's GC activity while it did. */
    private static Gc roundTrips(HttpClient http, HttpRequest request, int n, long[] nanos, int offset) throws Exception {
        Gc before = Gc.now();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[offset + i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("call failed with " + response.statusCode() + ": " + response.body());
            }
        }
        return Gc.now().minus(before);
    }

    /** Collections and accumulated collection time (GarbageCollectorMXBean) of one JVM. */
    private record Gc(long count, long millis) {
        static final Gc ZERO = new Gc(0, 0);

        static Gc now() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new Gc(count, millis);
        }

        Gc plus(Gc other) {
            return new Gc(count + other.count, millis + other.millis);
        }

        Gc minus(Gc other) {
            return new Gc(count - other.count, millis - other.millis);
        }
    }

    /** {@link FakeProviderProcess} started from this JVM's class path; destroyed on close. */
    private record FakeProvider(Process process, BufferedReader out, PrintWriter in, URI baseUrl) implements AutoCloseable {
        static FakeProvider start() throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    FakeProviderProcess.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String line = out.readLine();
            if (line == null || !line.startsWith("port ")) {
                process.destroyForcibly();
                throw new IllegalStateException("fake provider process did not start: " + line);
            }
            return new FakeProvider(process, out, in, URI.create("http://127.0.0.1:" + line.substring(5) + "/v1"));
        }

        Gc gc() throws IOException {
            in.println("gc");
            String[] parts = out.readLine().split(" ");
            return new Gc(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }

        @Override
        public void close() throws InterruptedException {
            in.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static long percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static void print(String label, long[] nanos) {
        System.out.printf(Locale.ROOT, "%-32s p50 %9.3f µs   p99 %9.3f µs   p99.9 %9.3f µs   (n=%d)%n", label,
                percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3, percentile(nanos, 0.999) / 1e3, nanos.length);
    }
}
