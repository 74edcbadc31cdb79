package dev.aios.agent.messaging.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made with openssl in a directory of the test's: a CA, a server certificate for 127.0.0.1 and
 * localhost signed by it, a client certificate signed by it, and a second CA nobody trusts; plus the PKCS#12 stores a
 * Java client reads ({@code ca.p12} trust store, {@code client.p12} key store, password {@link #PASSWORD}).
 */
public record TestCertificates(Path dir) {
    public static final String PASSWORD = "changeit";

    public static TestCertificates createIn(Path dir) {
        var pki = new TestCertificates(dir);
        pki.authority("ca");
        pki.authority("rogue-ca");
        pki.signed(
                "server",
                "ca",
                "/CN=localhost",
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth");
        pki.signed("client", "ca", "/CN=aios-test-client", "extendedKeyUsage=clientAuth");
        pki.openssl(
                "pkcs12",
                "-export",
                "-in",
                "client.pem",
                "-inkey",
                "client.key",
                "-name",
                "client",
                "-out",
                "client.p12",
                "-passout",
                "pass:" + PASSWORD);
        pki.trustStore("ca");
        pki.trustStore("rogue-ca");
        return pki;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** {@code file:} location of a store, as {@code spring.rabbitmq.ssl.*} takes it. */
    public String location(String name) {
        return file(name).toUri().toString();
    }

    private void authority(String name) {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=aios test " + name,
                "-keyout",
                name + ".key",
                "-out",
                name + ".pem");
    }

    private void signed(String name, String ca, String subject, String extensions) {
        try {
            Files.writeString(dir.resolve(name + ".ext"), extensions + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                subject,
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr");
        openssl(
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                ca + ".pem",
                "-CAkey",
                ca + ".key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                name + ".ext",
                "-out",
                name + ".pem");
    }

    private void trustStore(String ca) {
        try (InputStream pem = Files.newInputStream(dir.resolve(ca + ".pem"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(
                    ca, CertificateFactory.getInstance("X.509").generateCertificate(pem));
            try (var out = Files.newOutputStream(dir.resolve(ca + ".p12"))) {
                store.store(out, PASSWORD.toCharArray());
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store for " + ca + ": " + e.getMessage(), e);
        }
    }

    private void openssl(String... args) {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
