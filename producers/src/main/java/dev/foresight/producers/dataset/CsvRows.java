package dev.foresight.producers.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams a CSV file row by row with Jackson's CSV parser (RFC 4180 quoting: the LANL file has quoted
 * fields with commas), keeping the line each row starts on for error messages. Nothing is held but the
 * current row, so a file of any size reads in constant memory. The first row (the header) is a row like
 * any other.
 *
 * <p>A file that is not CSV at all (an unterminated quote) raises {@link DatasetFormatException} with
 * the line where the parser gave up: past that point rows cannot be told apart any more.
 */
public final class CsvRows implements Iterator<CsvRow>, AutoCloseable {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final Path file;
    private final JsonParser parser;
    private CsvRow next;

    private CsvRows(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Opens a file; a missing or unreadable file is a {@link DatasetFormatException} naming it. */
    public static CsvRows open(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DatasetFormatException(file, 0, "no such readable file");
        }
        try {
            CsvParser parser = MAPPER.getFactory().createParser(Files.newBufferedReader(file, StandardCharsets.UTF_8));
            // every row becomes an array of strings, whatever its length: ragged rows are reported, not rejected by the parser
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            CsvRows rows = new CsvRows(file, parser);
            JsonToken outer = rows.token();
            if (outer != null && outer != JsonToken.START_ARRAY) {
                throw new DatasetFormatException(file, 1, "not a CSV file");
            }
            rows.next = outer == null ? null : rows.readRow();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public CsvRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        CsvRow current = next;
        next = readRow();
        return current;
    }

    private CsvRow readRow() {
        JsonToken start = token();
        if (start != JsonToken.START_ARRAY) {
            return null; // the end of the outer array: no more rows
        }
        List<String> values = new ArrayList<>();
        long line = -1;
        for (JsonToken t = token(); t != JsonToken.END_ARRAY; t = token()) {
            if (t == null) {
                throw new DatasetFormatException(file, parser.currentLocation().getLineNr(), "the file ends inside a row");
            }
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            values.add(text());
        }
        return new CsvRow(file, line < 0 ? parser.currentLocation().getLineNr() : line, values.toArray(String[]::new));
    }

    private String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private JsonToken token() {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid CSV: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
