package dev.aios.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./aios download ID [--out DIR]}: the project's repository (a git repository, one commit per completed task)
 * unpacked into DIR (default: a directory named after the project, here). An entry that would land outside DIR is
 * refused, whatever the server sent; DIR must not exist or be empty.
 */
@Command(
        name = "download",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Unpack a project's git repository into a directory.")
final class DownloadCommand implements Callable<Integer> {
    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Parameters(index = "0", paramLabel = "ID", converter = ProjectId.class, description = "the project")
    UUID id;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "where to unpack it (default: ./NAME, the archive's directory); must not exist or be empty")
    @Nullable
    Path out;

    @Override
    public Integer call() throws IOException {
        byte[] zip = connection.client(cli.env).download("/api/v1/projects/" + id + "/repository");
        Path target = (out != null ? out : Path.of(topDirectory(zip)))
                .toAbsolutePath()
                .normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new CliFailure(target + " exists and is not an empty directory; choose another with --out DIR");
        }
        int files = unpack(zip, target);
        cli.out.println("unpacked " + files + " files of " + id + " into " + target + " (a git repository: git -C "
                + target + " log)");
        return 0;
    }

    /** Writes every entry under {@code target}, without the archive's top directory; refuses any that would leave it. */
    static int unpack(byte[] zip, Path target) throws IOException {
        int files = 0;
        Files.createDirectories(target);
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String inside = slash < 0 ? name : name.substring(slash + 1);
                if (inside.isEmpty()) {
                    continue;
                }
                Path file = target.resolve(inside).normalize();
                if (!file.startsWith(target) || file.equals(target)) {
                    throw new CliFailure("the archive holds an entry outside its directory (" + name
                            + "); nothing after it was written");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
                files++;
            }
        }
        return files;
    }

    private static String topDirectory(byte[] zip) throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry first = in.getNextEntry();
            if (first == null) {
                throw new CliFailure("the server sent an empty archive");
            }
            String top = first.getName().contains("/")
                    ? first.getName().substring(0, first.getName().indexOf('/'))
                    : "";
            if (!top.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
                throw new CliFailure(
                        "the archive's directory '" + top + "' is not a plain name; choose a directory with --out DIR");
            }
            return top;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
