package dev.aios.router.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.LlmRouterApplication;
import dev.aios.router.fake.FakeProviderServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The mTLS option end to end: the router terminates TLS and asks for client certificates; a certificate whose SAN is
 * listed for a service is that service, a certificate of nobody listed is anonymous (401), as is no certificate.
 * Certificates are made with the JDK's keytool; both client certificates are trusted, so only the name decides.
 */
class RouterMutualTlsIT {
    private static final String PASSWORD = "test-only";
    static final FakeProviderServer MODEL = FakeProviderServer.openAi();
    static ConfigurableApplicationContext router;
    static URI chat;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startARouterThatAsksForClientCertificates() throws Exception {
        keypair("router", "CN=localhost", "ip:127.0.0.1,dns:localhost");
        keypair("qa", "CN=anything", "uri:spiffe://aios/agents-qa");
        keypair("intruder", "CN=intruder.example.com", "dns:intruder.example.com");
        trust("router", "client-trust");
        trust("qa", "router-trust");
        trust("intruder", "router-trust");

        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--server.ssl.enabled=true",
                "--server.ssl.key-store=" + dir.resolve("router.p12"),
                "--server.ssl.key-store-password=" + PASSWORD,
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-alias=router",
                "--server.ssl.trust-store=" + dir.resolve("router-trust.p12"),
                "--server.ssl.trust-store-password=" + PASSWORD,
                "--server.ssl.trust-store-type=PKCS12",
                "--server.ssl.client-auth=want",
                "--aios.router.clients.agents-qa.certificate-names=spiffe://aios/agents-qa",
                "--aios.router.tiers.local.base-url=" + MODEL.baseUrl(),
                "--aios.router.tiers.gpt.api-key=",
                "--aios.router.tiers.claude.api-key=",
                "--aios.router.cache.enabled=false",
                "--spring.autoconfigure.exclude=dev.aios.agent.messaging.MessagingAutoConfiguration,"
                        + "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"));
        router = new SpringApplicationBuilder(LlmRouterApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
        chat = URI.create("https://127.0.0.1:" + router.getEnvironment().getProperty("local.server.port")
                + "/v1/chat/completions");
    }

    @AfterAll
    static void stop() {
        if (router != null) {
            router.close();
        }
        MODEL.close();
    }

    @Test
    void aCertificateListedForAServiceIsThatService() throws Exception {
        // given
        MODEL.then(FakeProviderServer.ok("hello, qa", 3, 3));
        int before = MODEL.calls();

        // when
        HttpResponse<String> response = post(client("qa"));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("hello, qa");
        assertThat(MODEL.calls()).isEqualTo(before + 1);
    }

    @Test
    void aTrustedCertificateOfNoListedServiceIsRefusedBeforeAnyProvider() throws Exception {
        int before = MODEL.calls();

        HttpResponse<String> response = post(client("intruder"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"kind\":\"UNAUTHORIZED\"");
        assertThat(MODEL.calls()).isEqualTo(before);
    }

    @Test
    void noCertificateAndNoTokenIsRefused() throws Exception {
        int before = MODEL.calls();

        HttpResponse<String> response = post(client(null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(MODEL.calls()).isEqualTo(before);
    }

    private static HttpResponse<String> post(HttpClient http) throws Exception {
        return http.send(
                HttpRequest.newBuilder(chat)
                        .header("Content-Type", "application/json")
                        .header("X-AIOS-Tier", "local")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.7}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client that trusts the router's certificate and presents {@code name}'s, or none. */
    private static HttpClient client(String name) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("client-trust"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (name != null) {
            keys.init(load(name), PASSWORD.toCharArray());
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(name == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static KeyStore load(String store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(store + ".p12"))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    private static void keypair(String name, String subject, String sans) throws Exception {
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                subject,
                "-ext",
                "san=" + sans,
                "-validity",
                "1",
                "-keystore",
                dir.resolve(name + ".p12").toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                name,
                "-keystore",
                dir.resolve(name + ".p12").toString(),
                "-storepass",
                PASSWORD,
                "-file",
                dir.resolve(name + ".crt").toString());
    }

    private static void trust(String name, String store) throws Exception {
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                name,
                "-file",
                dir.resolve(name + ".crt").toString(),
                "-keystore",
                dir.resolve(store + ".p12").toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }
}
