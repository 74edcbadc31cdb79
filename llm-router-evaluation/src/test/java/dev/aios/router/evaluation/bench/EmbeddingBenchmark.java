package dev.aios.router.evaluation.bench;

import dev.aios.router.policy.ComplexityRoutingPolicy;
import dev.aios.router.policy.RoutingRequest;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What reading a task prompt with the in-process MiniLM embedding would add to a routing decision: wall and
 * thread-CPU time of {@code AllMiniLmL6V2EmbeddingModel.embed} on persona task prompts of about 2k and 8k tokens (whole,
 * the first 2,000 characters, and the task section alone), against the routing decision on the same prompt in the
 * same run. Run with {@code ./aios bench routing-embedding [warm-up] [calls]}.
 */
public final class EmbeddingBenchmark {

    private EmbeddingBenchmark() {}

    /** Optional arguments: warm-up calls and measured calls per measurement (defaults 10 and 40). */
    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        EmbeddingModel minilm = new AllMiniLmL6V2EmbeddingModel();
        ComplexityRoutingPolicy policy = ComplexityRoutingPolicy.withDefaults();
        System.out.printf(
                Locale.ROOT,
                "system load average %.1f on %d cores; %d warm-up and %d measured calls per line%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(),
                warmup,
                measured);
        for (int chars : new int[] {8_000, 32_000}) {
            String prompt = TaskPrompt.of(chars);
            String task = TaskPrompt.taskSection(prompt);
            RoutingRequest request = new RoutingRequest(
                    "backend", "code", "medium", 5, prompt, 2, 4000, 3, Optional.empty(), Optional.empty());
            String label =
                    String.format(Locale.ROOT, "%,d-char prompt (~%,d tokens)", prompt.length(), prompt.length() / 4);
            // the decision is microseconds: many more calls, so that the JIT has compiled it as in a running router
            measure(
                    label + " routing decision (baseline)      ",
                    50_000,
                    measured * 100,
                    () -> policy.decide(request).tier());
            measure(
                    label + " MiniLM, whole prompt             ",
                    warmup,
                    measured,
                    () -> minilm.embed(prompt).content());
            measure(
                    label + " MiniLM, first 2,000 chars        ",
                    warmup,
                    measured,
                    () -> minilm.embed(prompt.substring(0, 2_000)).content());
            measure(
                    label + " MiniLM, task section (" + task.length() + " chars)",
                    warmup,
                    measured,
                    () -> minilm.embed(task).content());
        }
    }

    private static void measure(String label, int warmup, int calls, Supplier<Object> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += work.get().hashCode();
        }
        long[] wall = new long[calls], cpu = new long[calls];
        for (int i = 0; i < calls; i++) {
            long w = System.nanoTime(), c = threads.getCurrentThreadCpuTime();
            sink += work.get().hashCode();
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            wall[i] = System.nanoTime() - w;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        // ONNX Runtime runs on its own threads, so this thread's CPU time understates its cost; wall time is the
        // latency
        System.out.printf(
                Locale.ROOT,
                "%s  wall p50 %9.1f us  p99 %9.1f us | this thread's cpu p50 %9.1f us   (%d)%n",
                label,
                at(wall, 0.5) / 1e3,
                at(wall, 0.99) / 1e3,
                at(cpu, 0.5) / 1e3,
                sink & 1);
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
