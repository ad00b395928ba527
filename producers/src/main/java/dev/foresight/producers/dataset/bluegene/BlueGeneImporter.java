package dev.foresight.producers.dataset.bluegene;

import dev.foresight.producers.dataset.DatasetFormatException;
import dev.foresight.producers.dataset.EventCategory;
import dev.foresight.producers.dataset.SourceFile;
import dev.foresight.producers.dataset.lanl.CollapseCounts;
import dev.foresight.producers.dataset.lanl.FailureTraceFile;
import dev.foresight.producers.dataset.lanl.Outage;
import dev.foresight.producers.dataset.lanl.SystemTrace;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunManifest;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports Blue Gene/L RAS logs (a failures file and a warnings file) as a recording: one node per card,
 * one tick per hour, telemetry = warnings per category in the hour ({@link CardTelemetryWriter}), node
 * events = the failures as outages ({@link CardOutages}), each FAILED event carrying its category
 * ({@link EventCategory}). A failure trace of the node cards, {@value #TRACE_FILE}, is written next to it
 * for {@code --failure-trace}.
 *
 * <p>Warning categories become columns: those seen on cards here, or, with {@code --like}, those of an
 * earlier import (warnings of other categories are counted as unmapped), so a model trained on one period
 * scores another. Both files are read once and counted per card-hour in memory; malformed lines are
 * skipped and counted by reason (or stop the import when strict).
 */
public final class BlueGeneImporter {

    public static final String POLICY = "import:bluegene";
    public static final String SOURCE = "bluegene";
    public static final String DATASET = "bluegene-l";
    public static final String TRACE_FILE = "failure-trace.csv";

    private final BlueGeneImportOptions options;

    private BlueGeneImporter(BlueGeneImportOptions options) {
        this.options = options;
    }

    public static BlueGeneImportResult run(BlueGeneImportOptions options) {
        return new BlueGeneImporter(options).importAll();
    }

    private BlueGeneImportResult importAll() {
        prepareOutput();
        Optional<LikeRecording> like = options.like().map(LikeRecording::read);
        RasLogReader warningLog = new RasLogReader(options.warnings(), options.from(), options.until(), options.strict());
        WarningHours warnings = new WarningHours();
        warningLog.read(e -> warnings.add(e.card(), e.event().time(), e.category()));
        RasLogReader failureLog = new RasLogReader(options.failures(), options.from(), options.until(), options.strict());
        CardOutages outageBuilder = new CardOutages(options.repair());
        Map<String, Long> failureLines = new TreeMap<>();
        failureLog.read(e -> {
            outageBuilder.add(e.card(), e.event());
            failureLines.merge(e.category(), 1L, Long::sum);
        });
        List<String> columns = like.map(LikeRecording::categories).orElseGet(() -> List.copyOf(warnings.byCategory().keySet()));
        if (columns.isEmpty()) {
            throw new DatasetFormatException(options.warnings(), 0, "no warning about a card in the period: no telemetry column to learn");
        }
        Instant first = earliest(warningLog.first(), failureLog.first()).orElseThrow(() -> new DatasetFormatException(options.failures(), 0,
                "no event in the period" + period() + " in either file"));
        long startHour = WarningHours.hourOf(options.from().orElse(first));
        Instant start = Instant.ofEpochSecond(startHour * 3600);
        Instant observedUntil = options.until().orElseGet(() -> Instant.ofEpochSecond((WarningHours.hourOf(
                latest(warningLog.last(), failureLog.last()).orElseThrow()) + 1) * 3600));
        long ticks = -Math.floorDiv(start.getEpochSecond() - observedUntil.getEpochSecond(), 3600); // rounded up: a partial last hour is a tick
        List<CardOutage> outages = outageBuilder.outages();

        Map<String, Long> counts;
        long telemetry;
        try (RunRecorder recorder = new RunRecorder(options.output(), identity(like))) {
            telemetry = CardTelemetryWriter.write(warnings, columns, startHour, ticks, options.silentAfter().toHours(), recorder);
            writeEvents(outages, start, observedUntil, recorder);
            counts = recorder.counts();
        }
        Optional<SystemTrace> trace = trace(outages, start);
        trace.ifPresent(t -> FailureTraceFile.write(t, options.output().resolve(TRACE_FILE)));

        Map<String, Long> unmapped = new TreeMap<>(warnings.byCategory());
        unmapped.keySet().removeAll(columns);
        Map<String, Long> mapped = new TreeMap<>(warnings.byCategory());
        mapped.keySet().retainAll(columns);
        Map<String, Long> byCategory = new TreeMap<>();
        outages.forEach(o -> byCategory.merge(o.category(), 1L, Long::sum));
        long inTrace = trace.map(t -> (long) t.outages().size()).orElse(0L);
        OutageCounts outageCounts = new OutageCounts(warnings.cards(columns).size(),
                outages.stream().map(o -> o.card().id()).distinct().count(), outages.size(), byCategory,
                outages.stream().mapToLong(CardOutage::repeats).sum(), inTrace, outages.size() - inTrace);
        BlueGeneDatasetFacts facts = new BlueGeneDatasetFacts(
                DATASET + " " + start + ".." + observedUntil, DATASET, BlueGeneImportOptions.TICK.toSeconds(), start.toString(),
                observedUntil.toString(), options.silentAfter().toSeconds(), 0, Card.MIDPLANE_PATTERN, notes(),
                List.of(source(options.failures(), failureLog), source(options.warnings(), warningLog)),
                like.map(LikeRecording::name).orElse(null), columns, columns.stream().map(RasCategories::metric).toList(),
                warningLog.counts(mapped, unmapped), failureLog.counts(failureLines, Map.of()), outageCounts,
                trace.isPresent() ? TRACE_FILE : null);
        writeManifest(facts, counts, telemetry, ticks, trace.isPresent());
        return new BlueGeneImportResult(options.output(), facts, ticks, counts);
    }

    private void writeEvents(List<CardOutage> outages, Instant start, Instant observedUntil, RunRecorder recorder) {
        List<NodeEvent> events = new ArrayList<>();
        for (CardOutage o : outages) {
            RasEvent f = o.first();
            String text = f.location() + " " + f.component() + " " + f.message()
                    + (o.repeats() > 0 ? " (+" + o.repeats() + " more failure line(s) of the card within the outage)" : "");
            events.add(event(o.card(), o.start(), start, NodeEventType.FAILED, EventCategory.detail(o.category(), text)));
            if (!o.end().isAfter(observedUntil)) {
                events.add(event(o.card(), o.end(), start, NodeEventType.REPAIRED, "assumed back " + options.repair()
                        + " after the outage's last failure (the log records no repairs)"));
            }
        }
        events.sort(Comparator.comparing(NodeEvent::getTimestamp).thenComparing(NodeEvent::getNodeId)
                .thenComparing(e -> e.getType().ordinal()));
        events.forEach(e -> recorder.append(RecordingStream.NODE_EVENTS, e));
    }

    /** An event in the tick whose hour holds it: tick j covers the hour ending at start + j hours. */
    private static NodeEvent event(Card card, Instant at, Instant start, NodeEventType type, String detail) {
        long tick = Math.floorDiv(at.getEpochSecond() - start.getEpochSecond(), 3600) + 1;
        return NodeEvent.newBuilder().setNodeId(card.id()).setTimestamp(at).setTick(tick).setType(type).setDetail(detail)
                .setCause(type == NodeEventType.FAILED ? EventCategory.of(detail).orElse(null) : null).build();
    }

    /** The node cards' outages as a failure trace, time zero = tick 0; link cards have no node index and are left out. */
    private static Optional<SystemTrace> trace(List<CardOutage> outages, Instant start) {
        List<Outage> nodeOutages = outages.stream().filter(o -> o.card().nodeIndex().isPresent())
                .map(o -> new Outage(o.card().nodeIndex(), o.start(), (o.end().toEpochMilli() - o.start().toEpochMilli()) / 1000.0,
                        o.category()))
                .toList();
        if (nodeOutages.isEmpty()) {
            return Optional.empty();
        }
        long repeats = outages.stream().filter(o -> o.card().nodeIndex().isPresent()).mapToLong(CardOutage::repeats).sum();
        return Optional.of(new SystemTrace(DATASET, start, nodeOutages,
                new CollapseCounts(nodeOutages.size() + repeats, 0, repeats, 0)));
    }

    private BlueGeneDatasetFacts.Notes notes() {
        return new BlueGeneDatasetFacts.Notes(
                "log times are LLNL wall-clock times, read as if UTC (the hour of 2005-10-30 01:00-02:00 PDT/PST repeats in the log)",
                "tick j counts each card's warnings per category in the hour ending at startTime + j h; a card has a record "
                        + "from its first warning until " + options.silentAfter().toHours() + " h after its last one, then none "
                        + "until its next warning",
                "one FAILED per outage, at its first failure line, detail category=<category of that line>",
                "REPAIRED " + options.repair() + " after an outage's last failure line, an assumption (the log records no "
                        + "repairs); failure lines of a card before then belong to the same outage");
    }

    private static SourceFile source(Path file, RasLogReader log) {
        return new SourceFile(file.getFileName().toString(), RunRecorder.sha256(file), log.read());
    }

    private void writeManifest(BlueGeneDatasetFacts facts, Map<String, Long> counts, long telemetry, long ticks, boolean trace) {
        Map<String, String> checksums = new TreeMap<>();
        for (RecordingStream stream : RecordingStream.values()) {
            checksums.put(stream.fileName(), RunRecorder.sha256(options.output().resolve(stream.fileName())));
        }
        if (trace) {
            checksums.put(TRACE_FILE, RunRecorder.sha256(options.output().resolve(TRACE_FILE)));
        }
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("warningLinesRead", (double) facts.warningLines().read());
        summary.put("warningLinesOnCards", (double) facts.warningLines().onCardsTotal());
        summary.put("warningLinesSkipped", (double) facts.warningLines().skippedTotal());
        summary.put("failureLinesRead", (double) facts.failureLines().read());
        summary.put("failureLinesOnCards", (double) facts.failureLines().onCardsTotal());
        summary.put("failureLinesSkipped", (double) facts.failureLines().skippedTotal());
        summary.put("cards", (double) facts.outages().cards());
        summary.put("cardsWithFailures", (double) facts.outages().cardsWithFailures());
        summary.put("outages", (double) facts.outages().outages());
        summary.put("telemetryRecords", (double) telemetry);
        summary.put("ticks", (double) ticks);
        Map<String, String> versions = new TreeMap<>(options.versions());
        versions.put("importer", "bluegene/1");
        new RunManifest(RunManifest.FORMAT_VERSION, facts, 0, POLICY, versions, counts, checksums, summary).write(options.output());
    }

    /** The sync-marker identity: the same inputs, period and columns give byte-identical recordings. */
    private String identity(Optional<LikeRecording> like) {
        return POLICY + "/" + options.failures().getFileName() + "/" + options.warnings().getFileName() + period()
                + like.map(l -> "/like " + l.categories()).orElse("");
    }

    private String period() {
        return options.from().map(f -> " from " + f).orElse("") + options.until().map(u -> " until " + u).orElse("");
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        return Stream.of(a, b).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        return Stream.of(a, b).flatMap(Optional::stream).max(Comparator.naturalOrder());
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
        for (Path input : List.of(options.failures(), options.warnings())) {
            if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
                throw new DatasetFormatException(input, 0, "no such readable file");
            }
        }
    }
}
