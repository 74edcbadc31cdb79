package dev.aios.deployment;

import static java.util.Objects.requireNonNull;

import dev.aios.deployment.ImageDefinition.Copy;
import dev.aios.deployment.ImageDefinition.Instruction;
import dev.aios.deployment.ImageDefinition.Stage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * docker/Dockerfile built as far as a machine without Docker can: for one set of build args, every stage's ARG,
 * WORKDIR and COPY as written (sources from the {@link BuildContext} or an earlier stage), and every RUN of the stages
 * before the last, run with this JVM's java first on the PATH. Each stage gets its own directory standing for its "/".
 * The last stage's RUN instructions (apt-get, useradd) need root in the Debian base image and are not run. What
 * Docker would refuse (a source that is not there, a command that fails) fails with an AssertionError naming the
 * instruction as the Dockerfile writes it.
 */
final class ImageRehearsal {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final int OUTPUT_CHARS = 2_000;

    private final ImageDefinition image;
    private final BuildContext context;

    /** Each stage's "/" by stage name, and the last stage's WORKDIR (where the image's ENTRYPOINT starts). */
    record Result(Map<String, Path> stageRoots, Path workdir) {

        Path root(String stage) {
            return requireNonNull(stageRoots.get(stage), () -> "no stage " + stage + " in " + stageRoots.keySet());
        }
    }

    ImageRehearsal(ImageDefinition image, BuildContext context) {
        this.image = requireNonNull(image, "image");
        this.context = requireNonNull(context, "context");
    }

    /** Builds the image for these build args under {@code scratch}; {@code label} starts every failure message. */
    Result build(String label, Map<String, String> buildArgs, Path scratch) {
        Map<String, Path> roots = new LinkedHashMap<>();
        Path workdir = scratch;
        for (int s = 0; s < image.stages().size(); s++) {
            Stage stage = image.stages().get(s);
            boolean last = s == image.stages().size() - 1;
            Path root = createDirectories(scratch.resolve("stage-" + s));
            workdir = root;
            for (int i = 0; i < stage.instructions().size(); i++) {
                Instruction instruction = stage.instructions().get(i);
                Map<String, String> args = stage.argValues(i, buildArgs);
                // Docker substitutes ARGs in WORKDIR and COPY itself; a RUN gets them as environment variables
                String substituted = ImageDefinition.substitute(instruction.arguments(), args);
                String where = label + ": image: " + instruction.keyword() + " " + instruction.arguments() + " (stage "
                        + stage.name() + ")";
                switch (instruction.keyword()) {
                    case "WORKDIR" -> workdir = createDirectories(inStage(root, workdir, substituted, where));
                    case "COPY" -> copy(where, Copy.parse(substituted), roots, root, workdir);
                    case "RUN" -> {
                        if (!last) {
                            run(where, instruction.arguments(), args, workdir, scratch);
                        }
                    }
                    default -> {}
                }
            }
            roots.put(stage.name(), root);
        }
        return new Result(Map.copyOf(roots), workdir);
    }

    private void copy(String where, Copy copy, Map<String, Path> roots, Path root, Path workdir) {
        Path destination = inStage(root, workdir, copy.destination(), where);
        List<Path> sources = new ArrayList<>();
        for (String source : copy.sources()) {
            sources.addAll(
                    copy.from().isPresent()
                            ? fromStage(where, copy.from().get(), source, roots)
                            : fromContext(where, source));
        }
        boolean intoDirectory = copy.destination().endsWith("/");
        if (sources.size() > 1 && !intoDirectory) {
            throw new AssertionError(where + ": copies " + sources.size() + " files to " + copy.destination()
                    + ", which must then be a directory ending in /");
        }
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                // from the context only what the ignore file lets through; a stage's files all
                copyDirectoryContents(source, destination, p -> copy.from().isPresent() || context.sends(relative(p)));
            } else {
                copyFile(
                        source,
                        intoDirectory ? destination.resolve(source.getFileName().toString()) : destination);
            }
        }
    }

    private List<Path> fromContext(String where, String source) {
        String relative = source.replaceFirst("^/+", "");
        Path path = context.resolve(relative);
        if (!path.startsWith(context.root())) {
            throw new AssertionError(where + ": " + source + " is outside the build context " + context.root());
        }
        String name = path.getFileName().toString();
        if (name.matches(".*[*?\\[].*")) {
            List<Path> matches = new ArrayList<>();
            if (Files.isDirectory(path.getParent())) {
                try (DirectoryStream<Path> found = Files.newDirectoryStream(path.getParent(), name)) {
                    found.forEach(p -> {
                        if (context.sends(relative(p))) {
                            matches.add(p);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (matches.isEmpty()) {
                throw new AssertionError(missing(where, relative, path.getParent()));
            }
            return matches.stream().sorted().toList();
        }
        if (!Files.exists(path)) {
            throw new AssertionError(missing(where, relative, path.getParent()));
        }
        if (!context.sends(relative)) {
            throw new AssertionError(where + ": copies " + relative
                    + ", which the build context leaves out (ignore file: " + context.ignorePatterns() + ")");
        }
        return List.of(path);
    }

    private String missing(String where, String relative, Path directory) {
        String holds = Files.isDirectory(directory)
                ? relative(directory) + "/ holds " + listing(directory)
                : relative(directory) + "/ does not exist";
        return where + ": copies " + relative + ", which the build context does not have: " + holds
                + " (service jars exist after the build's package phase: ./aios mvn package -DskipTests)";
    }

    private static List<Path> fromStage(String where, String stage, String source, Map<String, Path> roots) {
        Path root = roots.get(stage);
        if (root == null) {
            throw new AssertionError(
                    where + ": --from=" + stage + " names no earlier stage; earlier stages: " + roots.keySet());
        }
        Path path = root.resolve(source.replaceFirst("^/+", "")).normalize();
        if (!path.startsWith(root) || !Files.exists(path)) {
            throw new AssertionError(where + ": stage " + stage + " has no " + source);
        }
        return List.of(path);
    }

    private static void run(String where, String command, Map<String, String> args, Path workdir, Path scratch) {
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.putAll(args);
        environment.put(
                "PATH",
                Path.of(System.getProperty("java.home"), "bin")
                        + File.pathSeparator
                        + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        while (command.startsWith("--")) { // BuildKit's RUN --mount=..., --network=...: nothing to rehearse
            command = command.indexOf(' ') < 0
                    ? ""
                    : command.substring(command.indexOf(' ') + 1).strip();
        }
        List<String> argv =
                command.startsWith("[") ? Yaml.strings(command, "RUN " + command) : List.of("/bin/sh", "-c", command);
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, onPath(argv.getFirst(), environment.get("PATH")));
        try {
            Path output = Files.createTempFile(scratch, "run-", ".log");
            ProcessBuilder builder = new ProcessBuilder(resolved)
                    .directory(workdir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(where + ": did not finish within " + RUN_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                String printed = Files.readString(output).strip();
                throw new AssertionError(where + ": exited with " + process.exitValue() + ": "
                        + printed.substring(Math.max(0, printed.length() - OUTPUT_CHARS)));
            }
        } catch (IOException e) {
            throw new AssertionError(where + ": cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(where + ": interrupted", e);
        }
    }

    /** A command name without a '/' the way a shell finds it: the first executable of that name on the PATH. */
    private static String onPath(String command, String path) {
        if (command.contains("/")) {
            return command;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return command;
    }

    private static Path inStage(Path root, Path workdir, String path, String where) {
        Path resolved = (path.startsWith("/") ? root.resolve(path.substring(1)) : workdir.resolve(path)).normalize();
        if (!resolved.startsWith(root)) {
            throw new AssertionError(where + ": " + path + " leaves the stage's file system");
        }
        return resolved;
    }

    private String relative(Path path) {
        return context.root().relativize(path).toString();
    }

    private static List<String> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyDirectoryContents(Path source, Path destination, Predicate<Path> sent) {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path from : (Iterable<Path>) tree::iterator) {
                Path to = destination.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    createDirectories(to);
                } else if (sent.test(from)) {
                    copyFile(from, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFile(Path from, Path to) {
        try {
            createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
