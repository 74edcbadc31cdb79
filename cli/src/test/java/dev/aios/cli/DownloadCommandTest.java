package dev.aios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadCommandTest {
    @TempDir
    Path dir;

    private static byte[] zip(String... namesAndContents) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void unpacksTheArchiveWithoutItsTopDirectory() throws IOException {
        // given
        byte[] archive = zip(
                "shop/README.md",
                "hello\n",
                "shop/.git/HEAD",
                "ref: refs/heads/main\n",
                "shop/src/app.py",
                "print(1)\n");
        Path target = dir.resolve("out");
        // when
        int files = DownloadCommand.unpack(archive, target);
        // then
        assertThat(files).isEqualTo(3);
        assertThat(target.resolve("README.md")).hasContent("hello");
        assertThat(target.resolve(".git/HEAD")).hasContent("ref: refs/heads/main");
        assertThat(target.resolve("src/app.py")).exists();
    }

    @Test
    void refusesAnEntryThatWouldLandOutsideTheTarget() throws IOException {
        // given an archive a hostile server could send
        byte[] archive = zip("shop/ok.txt", "ok", "shop/../../escaped.txt", "owned");
        Path target = dir.resolve("out");
        // when / then
        assertThatThrownBy(() -> DownloadCommand.unpack(archive, target))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("outside its directory");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }
}
