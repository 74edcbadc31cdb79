package dev.aios.router.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A server started in its own JVM from this JVM's class path, and both ends of the line protocol it speaks on its
 * standard streams: the child prints {@code ready <port> <max heap MiB> <collectors>} once listening, answers
 * {@code activity} with its {@link JvmActivity}, and stops at the end of its input (so it also stops when the
 * benchmark dies).
 */
record ChildJvm(String name, Process process, BufferedReader out, PrintWriter in, int port, String jvm)
        implements AutoCloseable {

    static ChildJvm start(String name, List<String> jvmFlags, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = protocolLine(out, "ready\t");
        String[] ready = line == null ? new String[0] : line.split("\t");
        if (ready.length != 4 || !ready[0].equals("ready")) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " process did not start (its first line was: " + line + ")");
        }
        String jvm = String.join(" ", jvmFlags) + " -> max heap " + ready[2] + " MiB, " + ready[3];
        return new ChildJvm(name, process, out, in, Integer.parseInt(ready[1]), jvm);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    JvmActivity activity() throws IOException {
        in.println("activity");
        String line = protocolLine(out, "activity ");
        if (line == null) {
            throw new IllegalStateException(name + " process exited");
        }
        return JvmActivity.parse(line);
    }

    /**
     * The next line starting with {@code prefix}; anything else the JVM itself wrote to standard output (e.g. with
     * {@code -Xlog:gc} among the flags) is passed on to standard error. Null at the end of the stream.
     */
    private static String protocolLine(BufferedReader out, String prefix) throws IOException {
        String line = out.readLine();
        while (line != null && !line.startsWith(prefix)) {
            System.err.println(line);
            line = out.readLine();
        }
        return line;
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * The child's side, first step: keeps standard output for the protocol and sends everything else the child prints
     * (its log lines) to standard error, which the benchmark passes through.
     */
    static PrintStream takeStandardOutput() {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        return protocol;
    }

    /** The child's side: announces {@code port} on {@code protocol}, answers until its input ends, then returns. */
    static void serve(int port, PrintStream protocol) throws IOException {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        protocol.println(
                "ready\t" + port + "\t" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "\t" + collectors);
        protocol.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("activity")) {
                protocol.println(JvmActivity.now().line());
                protocol.flush();
            }
        }
    }
}
