package dev.aios.agents.qa.sandbox;

import dev.aios.agent.task.FileContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** Writes workspace files under a root, refusing any path that would land outside it. */
final class Workspace {
    private Workspace() {}

    static void materialise(Path root, List<FileContent> files) throws IOException {
        for (FileContent file : files) {
            Path target = resolve(root, file.path());
            Files.createDirectories(target.getParent());
            if (Files.isSymbolicLink(target) || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("workspace path is not a plain file: " + file.path());
            }
            Files.write(target, file.content());
        }
    }

    static Path resolve(Path root, String relative) {
        if (relative.isBlank() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            throw new IllegalArgumentException("workspace path must be relative: '" + relative + "'");
        }
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("workspace path leaves the workspace: '" + relative + "'");
        }
        return target;
    }
}
