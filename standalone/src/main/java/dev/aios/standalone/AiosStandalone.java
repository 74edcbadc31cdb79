package dev.aios.standalone;

import dev.aios.standalone.demo.DemoRun;
import dev.aios.standalone.infra.Infrastructure;
import dev.aios.standalone.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code aios demo}: the whole platform in this JVM, a brief in, the sprint streamed, a repository out.
 * {@code aios up}: the same platform left running with the API on port 8080.
 */
public final class AiosStandalone {
    private AiosStandalone() {}

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(StandaloneCommand.USAGE);
            return;
        }
        int exit;
        try {
            StandaloneCommand command = StandaloneCommand.parse(args);
            Logging.configure(command);
            exit = run(command, System.getenv(), System.out);
        } catch (StandaloneCommand.UsageException e) {
            System.err.println("aios: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            System.err.println("aios: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    static int run(StandaloneCommand command, Map<String, String> env, PrintStream out) throws Exception {
        ProviderMode mode = ProviderMode.detect(env);
        out.println("AIOS standalone: " + command.name());
        out.println(mode.banner());
        long started = System.nanoTime();
        try (Infrastructure infrastructure = Infrastructure.start(env)) {
            infrastructure.embedded().forEach(component -> out.println("embedded: " + component));
            int apiPort = command.apiPort();
            try (Platform platform = Platform.start(infrastructure.endpoints(), infrastructure.knowledge(), apiPort, command.routerPort())) {
                out.printf("platform up in %.1f s: orchestrator, llm-router and 5 agents (cto, backend, frontend, qa, devops)%n",
                        (System.nanoTime() - started) / 1e9);
                return command.name().equals("demo") ? demo(command, platform, mode, out, started) : up(platform, command, out);
            }
        }
    }

    private static int demo(StandaloneCommand command, Platform platform, ProviderMode mode, PrintStream out, long started)
            throws IOException, InterruptedException {
        String brief = command.briefFile() == null ? sampleBrief() : Files.readString(command.briefFile(), StandardCharsets.UTF_8);
        DemoRun.Result result = new DemoRun(URI.create("http://127.0.0.1:" + platform.apiPort()), out, command.deadline())
                .run(command.projectName(), brief, command.budgetMicros(), command.outputDirectory());
        out.println();
        out.println("result: " + result.finalEvent() + " - " + result.tasksCompleted() + " task(s) completed, repository with "
                + result.commits() + " commit(s)");
        out.println("usage: " + result.usage());
        out.println("repository: " + result.repository());
        out.println("  try it:  cd " + result.repository() + " && git log --oneline && python3 -m unittest discover -v");
        out.printf("time: %.1f s; %s%n", (System.nanoTime() - started) / 1e9, peakMemory());
        out.println("log: " + Logging.logFile(command));
        out.println(mode.banner());
        return result.finalEvent().equals("ProjectDelivered") ? 0 : 1;
    }

    private static int up(Platform platform, StandaloneCommand command, PrintStream out) throws InterruptedException {
        out.println("API:     http://localhost:" + platform.apiPort() + "/api/v1/projects  (OpenAPI at /v3/api-docs)");
        if (command.routerPort() > 0) {
            out.println("router:  http://localhost:" + command.routerPort() + "/v1/chat/completions");
        }
        out.println("submit:  curl -i -H 'Content-Type: application/json' -d '{\"name\":\"demo\",\"brief\":\"...\",\"budgetMicros\":5000000}' http://localhost:"
                + platform.apiPort() + "/api/v1/projects");
        out.println("Ctrl-C stops everything.");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
        return 0;
    }

    static String sampleBrief() throws IOException {
        try (InputStream in = AiosStandalone.class.getResourceAsStream("/sample-brief.md")) {
            if (in == null) {
                throw new IOException("the sample brief is missing from the launcher's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Peak resident memory of this JVM (from the kernel) and peak heap (from the JVM's pools). */
    static String peakMemory() {
        long heapPeak = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        String rss = "peak RSS unknown (no /proc/self/status)";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    rss = "JVM peak RSS " + (kb / 1024) + " MB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // keep the "unknown" wording
        }
        return rss + ", peak heap used " + (heapPeak / (1024 * 1024)) + " MB";
    }
}
