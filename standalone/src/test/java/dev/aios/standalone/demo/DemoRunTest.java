package dev.aios.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRunTest {
    @TempDir
    Path target;

    @Test
    void unpacksTheRepositoryArchive() throws IOException {
        DemoRun.unzip(zip("url-shortener/README.md", "hello"), target);

        assertThat(target.resolve("url-shortener/README.md")).hasContent("hello");
    }

    @Test
    void refusesAnArchiveEntryThatEscapesTheTargetAndWritesNothingOutside() throws IOException {
        byte[] evil = zip("../escaped.txt", "gotcha");

        assertThatThrownBy(() -> DemoRun.unzip(evil, target)).hasMessageContaining("outside the target directory");
        assertThat(target.resolveSibling("escaped.txt")).doesNotExist();
    }

    @Test
    void findsTheRepositoryInsideTheArchivesTopLevelDirectory() throws IOException {
        Files.createDirectories(target.resolve("url-shortener/.git"));

        assertThat(DemoRun.findGitRoot(target)).isEqualTo(target.resolve("url-shortener"));
    }

    @Test
    void namesTheOutputDirectoryAfterTheProject() {
        assertThat(DemoRun.slug("URL Shortener (v2)!")).isEqualTo("url-shortener-v2");
        assertThat(DemoRun.slug("***")).isEqualTo("project");
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
