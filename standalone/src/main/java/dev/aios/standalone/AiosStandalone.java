package dev.aios.standalone;

import dev.aios.router.cassette.CassetteRecorder;
import dev.aios.router.cassette.RecordedProject;
import dev.aios.standalone.demo.DemoRun;
import dev.aios.standalone.infra.Infrastructure;
import dev.aios.standalone.platform.Platform;
import dev.aios.standalone.scenario.Scenario;
import dev.aios.standalone.scenario.Scenarios;
import dev.aios.standalone.tokens.LocalTokens;
import dev.aios.standalone.tokens.TokenCommand;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code aios demo}: the whole platform in this JVM, a brief in, the sprint streamed, a repository out.
 * {@code aios up}: the same platform left running with the API on port 8080.
 */
public final class AiosStandalone {
    private AiosStandalone() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(
                    Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(StandaloneCommand.USAGE);
            return;
        }
        int exit;
        try {
            StandaloneCommand command = StandaloneCommand.parse(args);
            Logging.configure(command);
            exit = run(command, System.getenv(), System.out);
        } catch (StandaloneCommand.UsageException | RunPlan.Refused e) {
            System.err.println("aios: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            System.err.println("aios: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    static int run(StandaloneCommand command, Map<String, String> env, PrintStream out) throws Exception {
        Scenarios scenarios = Scenarios.bundled();
        if (command.listScenarios()) {
            listScenarios(scenarios, out);
            return 0;
        }
        RunPlan plan = RunPlan.of(command, env, scenarios);
        out.println("AIOS standalone: " + command.name());
        out.println(plan.banner("below"));
        LocalTokens tokens = LocalTokens.open(env);
        Path adminToken = tokens.writeAdminToken();
        out.println("admin token: " + adminToken + " (0600; more with ./aios token --role ROLE [--tenant T])");
        long started = System.nanoTime();
        try (Lifecycle lifecycle = Lifecycle.start();
                Infrastructure infrastructure = lifecycle.track(Infrastructure.start(env))) {
            infrastructure.embedded().forEach(component -> out.println("embedded: " + component));
            try (Platform platform = lifecycle.track(Platform.start(
                    infrastructure.endpoints(),
                    infrastructure.knowledge(),
                    tokens,
                    command.apiPort(),
                    command.routerPort(),
                    command.bindAddress(),
                    plan.routerSettings()))) {
                out.printf(
                        "platform up in %.1f s: orchestrator, llm-router and 5 agents (cto, backend, frontend, qa, devops)%n",
                        (System.nanoTime() - started) / 1e9);
                return command.demo()
                        ? demo(command, platform, plan, tokens, out, started)
                        : up(platform, command, adminToken, out, lifecycle);
            }
        }
    }

    private static int demo(
            StandaloneCommand command,
            Platform platform,
            RunPlan plan,
            LocalTokens tokens,
            PrintStream out,
            long started)
            throws Exception {
        RunPlan.Project project = plan.project().orElseThrow();
        platform.recorder()
                .ifPresent(recorder -> recorder.project(new RecordedProject(
                        project.name(), project.brief(), project.budgetMicros(), project.options())));
        // the demo is a submitter of the default tenant, as a person using the API would be
        String token = tokens.mint(
                "demo",
                "submitter",
                LocalTokens.DEFAULT_TENANT,
                command.deadline().plusMinutes(5));
        DemoRun.Result result = new DemoRun(
                        URI.create("http://" + host(command) + ":" + platform.apiPort()),
                        token,
                        out,
                        command.deadline())
                .run(project.submission(), plan.actions(), command.outputDirectory());
        out.println();
        out.println("result: " + result.finalEvent() + " - " + result.outcome());
        out.println("usage: " + result.usage());
        result.repository().ifPresent(repository -> {
            out.println("repository: " + repository);
            out.println("  try it:  cd " + repository + " && git log --oneline && python3 -m unittest discover -v");
        });
        platform.recorder()
                .map(CassetteRecorder::file)
                .ifPresent(file ->
                        out.println("recording: " + file + " (replay it with: ./aios demo --replay " + file + ")"));
        out.printf("time: %.1f s; %s%n", (System.nanoTime() - started) / 1e9, peakMemory());
        out.println("log: " + Logging.logFile(command));
        out.println(plan.banner("above"));
        return result.finalEvent().equals("ProjectDelivered") ? 0 : 1;
    }

    private static int up(
            Platform platform, StandaloneCommand command, Path adminToken, PrintStream out, Lifecycle lifecycle)
            throws InterruptedException {
        String base = "http://" + host(command) + ":";
        out.println("API:     " + base + platform.apiPort() + "/api/v1/projects  (OpenAPI at /v3/api-docs)");
        if (command.routerPort() > 0) {
            out.println(
                    "router:  " + base + command.routerPort() + "/v1/chat/completions  (only this platform's agents:"
                            + " they hold a token made at this start; anyone else gets 401)");
        }
        if (!command.bindAddress().startsWith("127.")) {
            out.println("listening on " + command.bindAddress() + ": reachable from other machines");
        }
        out.println("token:   " + adminToken + " (admin of tenant " + LocalTokens.DEFAULT_TENANT + ")");
        out.println("submit:  curl -i -H \"Authorization: Bearer $(cat " + adminToken
                + ")\" -H 'Content-Type: application/json'"
                + " -d '{\"name\":\"demo\",\"brief\":\"...\",\"budgetMicros\":5000000}' " + base + platform.apiPort()
                + "/api/v1/projects");
        platform.recorder()
                .map(CassetteRecorder::file)
                .ifPresent(file -> out.println("recording: every model exchange to " + file));
        out.println("Ctrl-C stops everything.");
        lifecycle.awaitSignal();
        out.println("stopping: agents, orchestrator, router, then the embedded services");
        return 0;
    }

    private static String host(StandaloneCommand command) {
        String bind = command.bindAddress();
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
    }

    static void listScenarios(Scenarios scenarios, PrintStream out) {
        out.println(
                "Recorded scenarios (./aios demo --scenario NAME). Each replays a recording made with --record against the"
                        + " AIOS scenario server, a scripted stand-in for a model: no model is called when you run one.");
        for (Scenario s : scenarios.all()) {
            out.printf(
                    "  %-16s %s%s%n  %-16s shows: %s%n",
                    s.name(), s.title(), s.cassette().isPresent() ? "" : " (not recorded yet)", "", s.shows());
        }
    }

    /**
     * SIGTERM or Ctrl-C stops everything in one order: agents before the orchestrator, the platform before the embedded
     * services. The only shutdown hook is this one (Spring's and the embedded services' own are off, since hooks run in
     * parallel and would stop things under each other): it wakes {@code up}'s main thread, which closes what it started,
     * and closes it itself if the main thread is busy (a demo) or does not finish in time.
     */
    private static final class Lifecycle implements AutoCloseable {
        private final CountDownLatch signalled = new CountDownLatch(1);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();
        private final Thread hook = new Thread(this::onSignal, "aios-shutdown");
        private volatile boolean mainWaits;

        static Lifecycle start() {
            Lifecycle lifecycle = new Lifecycle();
            Runtime.getRuntime().addShutdownHook(lifecycle.hook);
            return lifecycle;
        }

        <T extends AutoCloseable> T track(T resource) {
            started.add(resource);
            return resource;
        }

        /** {@code up}: the main thread waits here, and closes everything itself once signalled. */
        void awaitSignal() throws InterruptedException {
            mainWaits = true;
            signalled.await();
        }

        private void onSignal() {
            signalled.countDown();
            try {
                if (!mainWaits || !stopped.await(12, TimeUnit.SECONDS)) {
                    closeAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void closeAll() {
            for (AutoCloseable resource : started.reversed()) {
                try {
                    resource.close(); // idempotent: the main thread may be closing it too
                } catch (Exception e) {
                    System.err.println("aios: could not stop " + resource + ": " + e.getMessage());
                }
            }
        }

        @Override
        public void close() {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it saw `stopped` and returns
            }
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
        } catch (java.io.IOException | NumberFormatException e) {
            // keep the "unknown" wording
        }
        return rss + ", peak heap used " + (heapPeak / (1024 * 1024)) + " MB";
    }
}
