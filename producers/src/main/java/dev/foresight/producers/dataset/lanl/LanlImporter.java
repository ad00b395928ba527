package dev.foresight.producers.dataset.lanl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.foresight.producers.dataset.CsvHeader;
import dev.foresight.producers.dataset.CsvRow;
import dev.foresight.producers.dataset.CsvRows;
import dev.foresight.producers.dataset.DatasetFormatException;
import dev.foresight.producers.dataset.SkippedRows;
import dev.foresight.producers.dataset.SourceFile;
import dev.foresight.producers.recording.RunRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports the LANL failure records (LA-UR-05-7318) as one failure trace per system: a
 * {@code system-<id>.csv} per system ({@link FailureTraceFile}) and an index, {@value #INDEX}, with the
 * source checksum, the counts of every collapse and skip, and each system's time zero.
 *
 * <p>The LANL file is grouped by system and node, not by time, and small (18k rows), so it is read whole;
 * records are then ordered by time per system and collapsed into outages ({@link OutageCollapser}).
 */
public final class LanlImporter {

    public static final String INDEX = "traces.json";
    public static final String FORMAT = "foresight-failure-traces/1";
    static final String TIME_NOTE = "LANL times are local wall-clock times (Los Alamos); they are written as if UTC, "
            + "so an interval across a daylight-saving change may be off by one hour";

    private LanlImporter() {
    }

    /** Reads a LANL CSV file into per-system traces, in memory. */
    public static LanlDataset read(Path input, boolean strict) {
        SkippedRows<LanlSkipReason> skipped = new SkippedRows<>(LanlSkipReason.class);
        Map<String, List<LanlRecord>> bySystem = new TreeMap<>(SYSTEM_ORDER);
        long rowsRead = 0;
        try (CsvRows rows = CsvRows.open(input)) {
            LanlRowParser parser = new LanlRowParser(CsvHeader.read(rows));
            while (rows.hasNext()) {
                CsvRow row = rows.next();
                rowsRead++;
                try {
                    LanlRecord record = parser.parse(row);
                    bySystem.computeIfAbsent(record.system(), s -> new ArrayList<>()).add(record);
                } catch (LanlRowParser.Rejected rejected) {
                    if (strict) {
                        throw new DatasetFormatException(row.file(), row.line(), rejected.getMessage() + " [" + rejected.reason + "]");
                    }
                    skipped.add(rejected.reason, row.where() + ": " + rejected.getMessage());
                }
            }
        }
        List<SystemTrace> systems = new ArrayList<>();
        bySystem.forEach((system, records) -> systems.add(OutageCollapser.collapse(system, records)));
        if (systems.isEmpty()) {
            throw new DatasetFormatException(input, 0, "no failure record could be read" + (skipped.total() > 0 ? ": " + skipped.byReason() : ""));
        }
        SourceFile source = new SourceFile(input.getFileName().toString(), RunRecorder.sha256(input), rowsRead);
        return new LanlDataset(List.of(source), rowsRead, systems, skipped.byReason(), skipped.examples());
    }

    /** Writes the traces and their index into a directory. */
    public static void write(LanlDataset dataset, Path directory, boolean overwrite) {
        prepare(directory, overwrite);
        List<Map<String, Object>> systems = new ArrayList<>();
        for (SystemTrace trace : dataset.systems()) {
            String file = FailureTraceFile.fileName(trace.system());
            FailureTraceFile.write(trace, directory.resolve(file));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("system", trace.system());
            entry.put("file", file);
            entry.put("epoch", trace.epoch().toString());
            entry.put("records", trace.counts().records());
            entry.put("outages", trace.outages().size());
            entry.put("nodesWithOutages", trace.nodesWithOutages());
            entry.put("sameEventMerged", trace.counts().sameEventMerged());
            entry.put("overlapsMerged", trace.counts().overlapsMerged());
            entry.put("systemWide", trace.counts().systemWide());
            entry.put("last", trace.outages().get(trace.outages().size() - 1).started().toString());
            systems.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("format", FORMAT);
        index.put("dataset", "lanl");
        index.put("sources", dataset.sources());
        index.put("rowsRead", dataset.rowsRead());
        index.put("rowsSkipped", dataset.rowsSkipped());
        index.put("skipped", new TreeMap<>(dataset.skipped()));
        index.put("skippedExamples", new TreeMap<>(dataset.skippedExamples()));
        index.put("times", TIME_NOTE);
        index.put("traceColumns", FailureTraceFile.COLUMNS);
        index.put("systems", systems);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve(INDEX).toFile(), index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(INDEX) + ": " + e.getMessage(), e);
        }
    }

    /** Systems in numeric order where their ids are numbers ("2" before "10"). */
    static final Comparator<String> SYSTEM_ORDER = Comparator
            .comparing((String s) -> s.matches("\\d{1,9}") ? Integer.parseInt(s) : Integer.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder());

    private static void prepare(Path directory, boolean overwrite) {
        if (Files.isRegularFile(directory)) {
            throw new IllegalArgumentException("-o " + directory + " is a file; give a directory for the traces");
        }
        try {
            if (Files.isDirectory(directory) && !overwrite) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("-o " + directory + " is not empty; choose a new directory or pass --overwrite");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
