package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/** A file by its workspace-relative path; the path is validated before anything is written. */
public record FileContent(String path, byte[] content) {
    public FileContent {
        requireNonNull(path, "path");
        requireNonNull(content, "content");
        content = content.clone();
    }

    public static FileContent text(String path, String content) {
        return new FileContent(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
