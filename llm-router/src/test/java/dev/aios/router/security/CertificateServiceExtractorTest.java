package dev.aios.router.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mTLS mapping: a client certificate's DNS/URI SANs, then its CN, name the AIOS service (real certificates from keytool). */
class CertificateServiceExtractorTest {
    private final ServiceCredentials credentials = ServiceCredentials.of(new RouterClientsProperties(
            Map.of(
                    "agents-qa", new RouterClientsProperties.Client(null, List.of("spiffe://aios/agents-qa")),
                    "orchestrator", new RouterClientsProperties.Client(null, List.of("orchestrator.aios.svc"))),
            null,
            null));
    private final CertificateServiceExtractor extractor = new CertificateServiceExtractor(credentials);

    @TempDir
    Path dir;

    @Test
    void namesTheServiceByAUriSan() throws Exception {
        X509Certificate certificate = certificate("CN=whatever", "uri:spiffe://aios/agents-qa,dns:qa.internal");

        assertThat(extractor.extractPrincipal(certificate)).isEqualTo("agents-qa");
    }

    @Test
    void namesTheServiceByItsCommonNameWhenNoSanMatches() throws Exception {
        X509Certificate certificate = certificate("CN=orchestrator.aios.svc,O=AIOS", "dns:orchestrator.internal");

        assertThat(extractor.extractPrincipal(certificate)).isEqualTo("orchestrator");
    }

    @Test
    void leavesACertificateOfNoAiosServiceAnonymous() throws Exception {
        X509Certificate certificate = certificate("CN=intruder.example.com", "dns:intruder.example.com");

        assertThat(extractor.extractPrincipal(certificate)).isNull();
    }

    private X509Certificate certificate(String subject, String sans) throws Exception {
        Path store = dir.resolve(subject.hashCode() + ".p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "client",
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
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "test-only",
                        "-keypass",
                        "test-only")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "test-only".toCharArray());
        }
        return (X509Certificate) keys.getCertificate("client");
    }
}
