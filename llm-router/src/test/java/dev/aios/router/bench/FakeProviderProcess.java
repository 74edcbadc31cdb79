package dev.aios.router.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The benchmark's fake OpenAI provider in its own JVM, so its allocation and GC never land on the router's or the
 * client's clock. It answers every {@code POST /v1/chat/completions} with the same completion and, unlike the tests'
 * {@code FakeProviderServer} (same JDK server, same virtual-thread executor), records nothing: that one appends each
 * request to a copy-on-write list, which over a benchmark's ~100 000 calls made every call copy the whole list and
 * drove the fake's JVM into seconds of GC. Speaks the {@link ChildJvm} protocol; exits at the end of its input.
 */
public final class FakeProviderProcess {
    private static final byte[] COMPLETION =
            ("{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1700000000,"
                            + "\"model\":\"fake-gpt\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                            + "\"ok, here is the endpoint\"},\"finish_reason\":\"stop\"}],"
                            + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":12,\"total_tokens\":52}}")
                    .getBytes(StandardCharsets.UTF_8);

    private FakeProviderProcess() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocol = ChildJvm.takeStandardOutput();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", FakeProviderProcess::answer);
        server.start();
        try {
            ChildJvm.serve(server.getAddress().getPort(), protocol);
        } finally {
            server.stop(0);
        }
        System.exit(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST") || request.length == 0) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, COMPLETION.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(COMPLETION);
            }
        }
    }
}
