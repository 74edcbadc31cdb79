package dev.aios.agents.qa.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's view of its processes, read from its own /proc: PIDs inside a sandbox mean nothing out here, so tests
 * mark the processes they start with a unique argument and look for that.
 */
public final class HostProcesses {
    private HostProcesses() {}

    /** Live (not zombie) processes whose command line contains {@code token}. */
    public static List<Long> withArgument(String token) throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
                    String stat = Files.readString(entry.resolve("stat"));
                    boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
                    if (cmdline.contains(token) && !zombie) {
                        found.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }
}
