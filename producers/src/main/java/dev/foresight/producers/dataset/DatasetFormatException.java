package dev.foresight.producers.dataset;

import java.nio.file.Path;

/**
 * A dataset file that cannot be imported as it is, with where: file, line and, when one column is
 * at fault, its number and name. The message is meant to be read by the person who has the file open.
 */
public final class DatasetFormatException extends IllegalArgumentException {

    private final transient Path file;
    private final long line;

    public DatasetFormatException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public DatasetFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** For a problem in one column (1-based number, header name). */
    public static DatasetFormatException inColumn(Path file, long line, int column, String columnName, String problem) {
        return new DatasetFormatException(file, line, "column " + column + " (" + columnName + "): " + problem);
    }

    public Path file() {
        return file;
    }

    /** 1-based line number where the row starts; 0 when the problem is the whole file. */
    public long line() {
        return line;
    }
}
