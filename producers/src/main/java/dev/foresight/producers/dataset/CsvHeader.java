package dev.foresight.producers.dataset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header row of a CSV file: columns by name. Importers look columns up by name rather than by
 * position, so a file with reordered or extra columns (later Backblaze years add SMART ids) still reads.
 */
public final class CsvHeader {

    private final Path file;
    private final List<String> names;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    private CsvHeader(Path file, List<String> names) {
        this.file = file;
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            if (index.putIfAbsent(names.get(i), i) != null) {
                throw DatasetFormatException.inColumn(file, 1, i + 1, names.get(i), "the header names this column twice");
            }
        }
    }

    /** Reads the header from the first row of a file; an empty file is an error. */
    public static CsvHeader read(CsvRows rows) {
        if (!rows.hasNext()) {
            throw new DatasetFormatException(rows.file(), 0, "the file is empty: a header row is expected");
        }
        CsvRow first = rows.next();
        return new CsvHeader(rows.file(), List.of(first.values()));
    }

    /** The 0-based index of a column the importer cannot do without. */
    public int require(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new DatasetFormatException(file, 1, "the header has no column '" + name + "'; it has " + names);
        }
        return i;
    }

    /** The 0-based index of an optional column. */
    public Optional<Integer> find(String name) {
        return Optional.ofNullable(index.get(name));
    }

    /** Column names in file order. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    public int size() {
        return names.size();
    }

    /** The name of a 0-based column. */
    public String name(int index) {
        return names.get(index);
    }
}
