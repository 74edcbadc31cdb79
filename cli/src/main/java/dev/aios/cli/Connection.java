package dev.aios.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where the server is and which token to send: {@code --url}, {@code --token-file}, or their environment defaults. */
final class Connection {
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "the orchestrator's address (default: $AIOS_URL, else " + DEFAULT_URL + ")")
    @Nullable
    URI url;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "a file holding the bearer token (default: $AIOS_TOKEN_FILE, else $AIOS_HOME/admin.token, "
                    + "which `./aios up` writes; AIOS_HOME defaults to ~/.aios)")
    @Nullable
    Path tokenFile;

    ApiClient client(Map<String, String> env) {
        return new ApiClient(baseUrl(env), token(env));
    }

    URI baseUrl(Map<String, String> env) {
        URI base = url != null ? url : URI.create(env.getOrDefault("AIOS_URL", DEFAULT_URL));
        if (base.getScheme() == null
                || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
                || base.getHost() == null) {
            throw new CliFailure("--url must be an http(s) address such as " + DEFAULT_URL + ", got '" + base + "'");
        }
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    String token(Map<String, String> env) {
        Path file = tokenFile != null ? tokenFile : defaultTokenFile(env);
        try {
            String token = Files.readString(file).strip();
            if (token.isEmpty()) {
                throw new CliFailure("the token file " + file + " is empty");
            }
            return token;
        } catch (NoSuchFileException e) {
            throw new CliFailure(
                    "no token file at " + file + ": start the platform with `./aios up` (it writes one), mint one "
                            + "with `./aios token --role ROLE`, or pass --token-file FILE");
        } catch (IOException e) {
            throw new CliFailure("cannot read the token file " + file + ": " + e.getMessage());
        }
    }

    static Path defaultTokenFile(Map<String, String> env) {
        String explicit = env.get("AIOS_TOKEN_FILE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = env.get("AIOS_HOME");
        Path aiosHome =
                home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".aios");
        return aiosHome.resolve("admin.token");
    }
}
