package dev.foresight.producers.dataset.backblaze;

import dev.foresight.producers.dataset.CsvHeader;
import dev.foresight.producers.dataset.CsvRow;
import dev.foresight.producers.dataset.CsvRows;
import dev.foresight.producers.dataset.DatasetFormatException;
import dev.foresight.producers.dataset.SkippedRows;
import dev.foresight.producers.dataset.SourceFile;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunManifest;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Imports Backblaze daily SMART snapshots as a recording that {@code foresight replay} can publish and
 * offline training can read: one tick per day (tick 0 = the first date), one {@link NodeTelemetry} per
 * drive-day (node id = serial number, metrics {@code smart_<id>_raw} and {@code capacity_bytes},
 * timestamp = the date at 00:00 UTC, source "backblaze"), and a FAILED {@link NodeEvent} on the tick of
 * each drive's failure=1 row.
 *
 * <p>The FAILED event is stamped at the end of that day (the next midnight): the drive still reported on
 * its last operational day and was gone by the next snapshot. So the failure row's own window is one day
 * ahead of the failure, and a horizon of H days marks the failure row and the H-1 rows before it, as the
 * dataset's README prescribes.
 *
 * <p>Rows are streamed: memory holds one row, today's serial numbers and each drive's model, never the
 * file. A recording must be grouped by ascending tick, which streaming can only give if the input is in
 * date order, as Backblaze's files are; the importer checks it and stops at the first row that goes
 * back in time. Malformed rows are skipped and counted by reason (or stop the import when strict).
 */
public final class BackblazeImporter {

    public static final String POLICY = "import:backblaze";
    public static final String SOURCE = "backblaze";
    public static final String CAPACITY_METRIC = "capacity_bytes";
    static final long SECONDS_PER_DAY = 86_400;

    private final BackblazeImportOptions options;
    private final SkippedRows<BackblazeSkipReason> skipped = new SkippedRows<>(BackblazeSkipReason.class);
    private final Map<String, String> modelOfDrive = new HashMap<>();
    private final Set<String> failedDrives = new HashSet<>();
    private final Set<String> drivesToday = new HashSet<>();
    private final Set<String> metrics = new TreeSet<>();
    private LocalDate firstDate;
    private LocalDate currentDate;
    private long rowsRead;
    private long rowsImported;

    private BackblazeImporter(BackblazeImportOptions options) {
        this.options = options;
    }

    /** Runs an import; see the class comment for what it writes. */
    public static BackblazeImportResult run(BackblazeImportOptions options) {
        return new BackblazeImporter(options).importAll();
    }

    private BackblazeImportResult importAll() {
        prepareOutput();
        List<SourceFile> sources = new ArrayList<>();
        Map<String, Long> counts;
        try (RunRecorder recorder = new RunRecorder(options.output(), identity())) {
            for (Path input : options.inputs()) {
                long before = rowsRead;
                importFile(input, recorder);
                sources.add(new SourceFile(input.getFileName().toString(), RunRecorder.sha256(input), rowsRead - before));
            }
            counts = recorder.counts();
        }
        if (firstDate == null) {
            throw new DatasetFormatException(options.inputs().get(0), 0, "no drive-day could be imported: "
                    + (skipped.total() == 0 ? "the files hold no data rows" : "every row was malformed " + skipped.byReason()));
        }
        BackblazeDatasetFacts facts = facts(sources);
        writeManifest(facts, counts);
        return new BackblazeImportResult(options.output(), facts, ChronoUnit.DAYS.between(firstDate, currentDate) + 1, counts,
                skipped.examples());
    }

    private void importFile(Path input, RunRecorder recorder) {
        try (CsvRows rows = CsvRows.open(input)) {
            BackblazeRowParser parser = new BackblazeRowParser(CsvHeader.read(rows));
            while (rows.hasNext()) {
                CsvRow row = rows.next();
                rowsRead++;
                DriveDay day;
                try {
                    day = parser.parse(row);
                } catch (BackblazeRowParser.Rejected rejected) {
                    skip(row, rejected.reason, rejected.getMessage());
                    continue;
                }
                advanceTo(day.date(), row);
                if (!drivesToday.add(day.serialNumber())) {
                    skip(row, BackblazeSkipReason.DUPLICATE_DRIVE_DAY, "drive " + day.serialNumber() + " already has a row on " + day.date());
                    continue;
                }
                if (failedDrives.contains(day.serialNumber())) {
                    skip(row, BackblazeSkipReason.AFTER_FAILURE, "drive " + day.serialNumber() + " already failed");
                    continue;
                }
                write(day, recorder);
            }
        }
    }

    /** Moves the import to the row's day; a day earlier than the current one would break tick order. */
    private void advanceTo(LocalDate date, CsvRow row) {
        if (firstDate == null) {
            firstDate = date;
            currentDate = date;
        } else if (date.isBefore(currentDate)) {
            throw new DatasetFormatException(row.file(), row.line(), "column 1 (date): " + date + " comes after rows of "
                    + currentDate + "; the import streams the rows and needs them in date order (Backblaze's daily files are: "
                    + "give the files in date order, e.g. sorted by name)");
        } else if (date.isAfter(currentDate)) {
            currentDate = date;
            drivesToday.clear();
        }
    }

    private void write(DriveDay day, RunRecorder recorder) {
        long tick = ChronoUnit.DAYS.between(firstDate, day.date());
        Instant midnight = day.date().atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Double> values = new TreeMap<>(day.smartRaw());
        day.capacityBytes().ifPresent(bytes -> values.put(CAPACITY_METRIC, (double) bytes));
        metrics.addAll(values.keySet());
        recorder.append(RecordingStream.TELEMETRY, NodeTelemetry.newBuilder()
                .setNodeId(day.serialNumber()).setTimestamp(midnight).setTick(tick).setMetrics(values).setSource(SOURCE).build());
        modelOfDrive.putIfAbsent(day.serialNumber(), day.model());
        if (day.failed()) {
            failedDrives.add(day.serialNumber());
            recorder.append(RecordingStream.NODE_EVENTS, NodeEvent.newBuilder()
                    .setNodeId(day.serialNumber()).setTimestamp(midnight.plus(1, ChronoUnit.DAYS)).setTick(tick)
                    .setType(NodeEventType.FAILED)
                    .setDetail("backblaze failure=1 on " + day.date() + " (model " + day.model() + ")").build());
        }
        rowsImported++;
    }

    private void skip(CsvRow row, BackblazeSkipReason reason, String detail) {
        if (options.strict()) {
            throw new DatasetFormatException(row.file(), row.line(), detail + " [" + reason + "; without --strict such rows are skipped and counted]");
        }
        skipped.add(reason, row.where() + ": " + detail);
    }

    private BackblazeDatasetFacts facts(List<SourceFile> sources) {
        Map<String, Long> perModel = new TreeMap<>();
        modelOfDrive.values().forEach(model -> perModel.merge(model, 1L, Long::sum));
        Instant start = firstDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant observedUntil = currentDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new BackblazeDatasetFacts("backblaze " + firstDate + ".." + currentDate, SOURCE, SECONDS_PER_DAY,
                start.toString(), observedUntil.toString(),
                "FAILED at the end of the drive's failure=1 day (the next midnight UTC), on that day's tick",
                "ascending by date (checked while importing)", sources, options.sampling(), rowsRead, rowsImported,
                modelOfDrive.size(), failedDrives.size(), skipped.byReason(), skipped.examples(), List.copyOf(metrics), perModel);
    }

    private void writeManifest(BackblazeDatasetFacts facts, Map<String, Long> counts) {
        Map<String, String> checksums = new TreeMap<>();
        for (RecordingStream stream : RecordingStream.values()) {
            checksums.put(stream.fileName(), RunRecorder.sha256(options.output().resolve(stream.fileName())));
        }
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("rowsRead", (double) facts.rowsRead());
        summary.put("rowsImported", (double) facts.rowsImported());
        summary.put("rowsSkipped", (double) skipped.total());
        facts.skipped().forEach((reason, n) -> summary.put("skipped." + reason, (double) n));
        summary.put("drives", (double) facts.drives());
        summary.put("failedDrives", (double) facts.failedDrives());
        summary.put("days", (double) (ChronoUnit.DAYS.between(firstDate, currentDate) + 1));
        summary.put("healthyNodeWeight", facts.sampling().healthyNodeWeight());
        summary.put("failedNodeWeight", facts.sampling().failedNodeWeight());
        Map<String, String> versions = new TreeMap<>(options.versions());
        versions.put("importer", "backblaze/1");
        new RunManifest(RunManifest.FORMAT_VERSION, facts, 0, POLICY, versions, counts, checksums, summary).write(options.output());
    }

    /** The sync-marker identity: the same inputs give byte-identical recordings. */
    private String identity() {
        StringBuilder id = new StringBuilder(POLICY);
        for (Path input : options.inputs()) {
            id.append('/').append(input.getFileName());
        }
        return id.toString();
    }

    private void prepareOutput() {
        Path out = options.output();
        if (Files.isRegularFile(out)) {
            throw new IllegalArgumentException("-o " + out + " is a file; give a directory for the recording");
        }
        if (Files.isDirectory(out) && !options.overwrite()) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("-o " + out + " is not empty; choose a new directory or pass --overwrite");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + out, e);
            }
        }
        for (Path input : options.inputs()) {
            if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
                throw new DatasetFormatException(input, 0, "no such readable file");
            }
        }
    }
}
