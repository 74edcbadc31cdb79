package dev.aios.orchestrator.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryExportTest {

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "todo|todo",
                "..|project",
                ".|project",
                "../../etc|etc",
                ".git|git",
                "-rf|rf",
                "my shop: v2/β|my-shop--v2--",
                "Résumé.app|R-sum-.app",
                "'   '|project",
                "a..b|a..b"
            })
    void theArchiveDirectoryIsAPlainNameThatCannotLeaveTheTarget(String projectName, String directory) {
        // when
        String name = RepositoryExport.directoryName(projectName);
        // then
        assertThat(name).isEqualTo(directory);
        assertThat(name).doesNotStartWith(".").doesNotContain("/").isNotEqualTo("..");
    }
}
