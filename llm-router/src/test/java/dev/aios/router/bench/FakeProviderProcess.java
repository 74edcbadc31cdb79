package dev.aios.router.bench;

import dev.aios.router.fake.FakeProviderServer;
import java.io.PrintStream;

/**
 * The benchmark's fake OpenAI provider in its own JVM, so its allocation and GC never land on the router's or the
 * client's clock. Speaks the {@link ChildJvm} protocol; exits at the end of its input.
 */
public final class FakeProviderProcess {
    private FakeProviderProcess() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocol = ChildJvm.takeStandardOutput();
        try (FakeProviderServer fake = FakeProviderServer.openAi()) {
            fake.always(FakeProviderServer.ok("ok, here is the endpoint", 40, 12));
            ChildJvm.serve(fake.baseUrl().getPort(), protocol);
        }
        System.exit(0);
    }
}
