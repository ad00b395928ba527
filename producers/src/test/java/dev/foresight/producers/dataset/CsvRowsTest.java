package dev.foresight.producers.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

    @TempDir
    Path dir;

    private List<CsvRow> read(String text) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, text);
        List<CsvRow> rows = new ArrayList<>();
        try (CsvRows it = CsvRows.open(file)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void quotedCommasAndLineBreaksStayInOneFieldAndLinesAreWhereRowsStart() throws Exception {
        List<CsvRow> rows = read("a,b,c\n1,\"x, y\",3\n4,\"two\nlines\",6\n7,8,9\n");

        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).values()).containsExactly("1", "x, y", "3");
        assertThat(rows.get(2).value(1)).isEqualTo("two\nlines");
        assertThat(rows).extracting(CsvRow::line).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void aBlankLineIsABlankRowAndRaggedRowsAreKeptAsTheyAre() throws Exception {
        List<CsvRow> rows = read("a,b\n\n1,2,3\n");

        assertThat(rows.get(1).blank()).isTrue();
        assertThat(rows.get(2).size()).isEqualTo(3);
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNamingTheFile() throws Exception {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n"))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("t.csv")
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> CsvRows.open(dir.resolve("nope.csv")))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("nope.csv").hasMessageContaining("no such readable file");
    }
}
