package dev.foresight.producers.dataset.lanl;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.foresight.cluster.FailureTrace;
import dev.foresight.producers.dataset.CsvHeader;
import dev.foresight.producers.dataset.CsvRow;
import dev.foresight.producers.dataset.CsvRows;
import dev.foresight.producers.dataset.DatasetFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A system's failure trace as a CSV file, {@code system-<id>.csv}, one outage per row in time order:
 * <pre>
 * node,fail_at_seconds,repair_seconds,started_utc,cause
 * 12,0.0,3600.0,1997-02-23T13:00:00Z,Software/DST
 * ,86400.0,600.0,1997-02-24T13:00:00Z,Facilities/Power Outage
 * </pre>
 * <ul>
 *   <li>{@code node}: the node's index in its system (LANL nodenumz), which is the simulator's node
 *       index ({@code node-0012}); empty for a system-wide outage, which a replay leaves out;</li>
 *   <li>{@code fail_at_seconds}: seconds from the trace's time zero (the system's first outage);</li>
 *   <li>{@code repair_seconds}: how long the node stayed down;</li>
 *   <li>{@code started_utc}: the absolute start (LANL local wall-clock time written as UTC);</li>
 *   <li>{@code cause}: root-cause column and sub-cause.</li>
 * </ul>
 * {@link #load(Path)} gives the cluster's {@link FailureTrace}; {@link #read(Path)} the whole trace.
 */
public final class FailureTraceFile {

    public static final List<String> COLUMNS = List.of("node", "fail_at_seconds", "repair_seconds", "started_utc", "cause");
    private static final CsvMapper MAPPER = new CsvMapper();

    private FailureTraceFile() {
    }

    /** The file name of a system's trace. */
    public static String fileName(String system) {
        return "system-" + system + ".csv";
    }

    public static void write(SystemTrace trace, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter rows = MAPPER.writerFor(String[].class).writeValues(out)) {
            rows.write(COLUMNS.toArray(String[]::new));
            for (Outage outage : trace.outages()) {
                rows.write(new String[] {
                    outage.node().isPresent() ? Integer.toString(outage.node().getAsInt()) : "",
                    number(trace.secondsFromEpoch(outage)),
                    number(outage.repairSeconds()),
                    outage.started().toString(),
                    outage.cause()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The node failures of a trace file, time zero at the file's time zero. */
    public static FailureTrace load(Path file) {
        return read(file).toFailureTrace();
    }

    /** The node failures of a trace file from {@code from} on, time zero at {@code from}. */
    public static FailureTrace load(Path file, Instant from) {
        return read(file).toFailureTrace(from);
    }

    /** Reads a trace file; malformed rows are errors naming file, line and column (a trace is ours, not raw data). */
    public static SystemTrace read(Path file) {
        String name = file.getFileName().toString();
        String system = name.startsWith("system-") && name.endsWith(".csv") ? name.substring(7, name.length() - 4) : name;
        List<Outage> outages = new ArrayList<>();
        Instant epoch = null;
        long systemWide = 0;
        try (CsvRows rows = CsvRows.open(file)) {
            CsvHeader header = CsvHeader.read(rows);
            int[] col = COLUMNS.stream().mapToInt(header::require).toArray();
            while (rows.hasNext()) {
                CsvRow row = rows.next();
                if (row.blank()) {
                    continue; // a trailing newline, not an outage
                }
                if (row.size() != header.size()) {
                    throw new DatasetFormatException(file, row.line(), row.size() + " fields where the header has " + header.size());
                }
                OptionalInt node = node(row, col[0], header);
                double failAt = seconds(row, col[1], header);
                double repair = seconds(row, col[2], header);
                Instant started = instant(row, col[3], header);
                Instant rowEpoch = started.minusMillis(Math.round(failAt * 1000));
                if (epoch == null || rowEpoch.isBefore(epoch)) {
                    epoch = rowEpoch;
                }
                systemWide += node.isPresent() ? 0 : 1;
                outages.add(new Outage(node, started, repair, row.value(col[4])));
            }
        }
        if (epoch == null) {
            throw new DatasetFormatException(file, 0, "the trace holds no outage");
        }
        return new SystemTrace(system, epoch, outages, new CollapseCounts(outages.size(), 0, 0, systemWide));
    }

    private static OptionalInt node(CsvRow row, int col, CsvHeader header) {
        String text = row.value(col).trim();
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int node = Integer.parseInt(text);
            if (node >= 0) {
                return OptionalInt.of(node);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DatasetFormatException.inColumn(row.file(), row.line(), col + 1, header.name(col), "'" + text + "' is not a node index");
    }

    private static double seconds(CsvRow row, int col, CsvHeader header) {
        String text = row.value(col).trim();
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DatasetFormatException.inColumn(row.file(), row.line(), col + 1, header.name(col), "'" + text + "' is not a number of seconds >= 0");
    }

    private static Instant instant(CsvRow row, int col, CsvHeader header) {
        String text = row.value(col).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw DatasetFormatException.inColumn(row.file(), row.line(), col + 1, header.name(col), "'" + text + "' is not an ISO instant");
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : Double.toString(value);
    }
}
