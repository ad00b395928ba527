package dev.foresight.producers.dataset;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One row of a CSV file as text fields.
 *
 * @param file   the file it came from
 * @param line   the 1-based line the row starts on (a quoted field may span lines)
 * @param values the fields, unquoted
 */
public record CsvRow(Path file, long line, String[] values) {

    public CsvRow {
        values = values.clone();
    }

    public int size() {
        return values.length;
    }

    /** The field at a 0-based index. */
    public String value(int index) {
        return values[index];
    }

    /** Whether every field is empty: a blank line. */
    public boolean blank() {
        return Arrays.stream(values).allMatch(String::isEmpty);
    }

    /** "FILE:LINE", for messages. */
    public String where() {
        return file + ":" + line;
    }

    @Override
    public String[] values() {
        return values.clone();
    }
}
