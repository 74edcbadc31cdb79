package dev.aios.router.bench;

import dev.aios.router.LlmRouterApplication;
import dev.aios.router.client.RouterToken;
import java.io.PrintStream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The router under benchmark in its own JVM: {@link LlmRouterApplication} on a free port with the given policy and its
 * {@code gpt} tier pointed at the fake provider, response cache and broker off. Speaks the {@link ChildJvm} protocol;
 * exits at the end of its input. Usage: {@code RouterProcess <complexity|fixed> <provider base URL>}.
 */
public final class RouterProcess {
    /** The caller's token: proxied calls authenticate as a service does in production (ADR 0041). */
    static final RouterToken TOKEN = new RouterToken("router-benchmark-token-0123456789abcdef");

    private RouterProcess() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RouterProcess <policy> <provider base URL>");
            System.exit(2);
        }
        PrintStream protocol = ChildJvm.takeStandardOutput();
        ConfigurableApplicationContext router = SpringApplication.run(
                LlmRouterApplication.class,
                "--server.port=0",
                "--aios.router.policy=" + args[0],
                "--aios.router.tiers.gpt.base-url=" + args[1],
                "--aios.router.tiers.gpt.api-key=bench",
                "--aios.router.tiers.claude.api-key=",
                "--aios.router.tiers.local.base-url=",
                "--aios.router.cache.enabled=false",
                "--aios.router.clients.agents-backend.token-sha256=" + TOKEN.sha256Hex(),
                "--spring.autoconfigure.exclude=dev.aios.agent.messaging.MessagingAutoConfiguration",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            ChildJvm.serve(Integer.parseInt(router.getEnvironment().getProperty("local.server.port", "0")), protocol);
        } finally {
            router.close();
        }
        System.exit(0);
    }
}
