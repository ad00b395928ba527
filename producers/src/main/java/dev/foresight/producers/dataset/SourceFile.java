package dev.foresight.producers.dataset;

/**
 * An input file of an import, as the manifest records it: enough to tell whether a recording was
 * made from the file a reader has.
 *
 * @param file   the file name (no directory: a recording must not depend on where the data lay)
 * @param sha256 SHA-256 of the file's bytes, hex
 * @param rows   data rows read (header excluded)
 */
public record SourceFile(String file, String sha256, long rows) {
}
