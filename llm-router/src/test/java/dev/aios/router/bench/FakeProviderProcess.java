package dev.aios.router.bench;

import dev.aios.router.fake.FakeProviderServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmark's fake OpenAI provider in its own JVM, so its allocation and GC never land on the router's or the
 * client's clock. Prints {@code port <n>} once listening; answers {@code gc} with its GC totals; exits on end of input.
 */
public final class FakeProviderProcess {
    private FakeProviderProcess() {}

    public static void main(String[] args) throws Exception {
        try (FakeProviderServer fake = FakeProviderServer.openAi()) {
            fake.always(FakeProviderServer.ok("ok, here is the endpoint", 40, 12));
            System.out.println("port " + fake.baseUrl().getPort());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("gc")) {
                    System.out.println(gcTotals());
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }

    static String gcTotals() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return String.format(Locale.ROOT, "gc %d %d", count, millis);
    }
}
