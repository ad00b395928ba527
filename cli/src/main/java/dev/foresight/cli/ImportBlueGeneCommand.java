package dev.foresight.cli;

import dev.foresight.experiments.offline.DurationText;
import dev.foresight.producers.dataset.bluegene.BlueGeneDatasetFacts;
import dev.foresight.producers.dataset.bluegene.BlueGeneImportOptions;
import dev.foresight.producers.dataset.bluegene.BlueGeneImportResult;
import dev.foresight.producers.dataset.bluegene.BlueGeneImporter;
import dev.foresight.producers.dataset.bluegene.RasLineCounts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foresight dataset import bluegene}: Blue Gene/L RAS logs -> a recording and a failure trace. */
@Command(name = "bluegene", mixinStandardHelpOptions = true,
        description = {"Blue Gene/L RAS logs (a failures file and a warnings file, gzip'd or plain) -> a recording that",
            "replay, train and evaluate read, plus failure-trace.csv for --failure-trace. One node per card, one tick",
            "per hour, telemetry = warnings per category in the hour, FAILED events = the failures (with their",
            "category). Malformed lines are skipped and counted."})
final class ImportBlueGeneCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FAILURES", description = "The failures log (e.g. bgl-failures_before-2005-11-01.log.gz).")
    Path failures;

    @Parameters(index = "1", paramLabel = "WARNINGS", description = "The warnings log: the other fatal events.")
    Path warnings;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The recording directory to write.")
    Path out;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Only events at or after this instant, e.g. 2005-09-01T00:00:00Z.")
    Instant from;

    @Option(names = "--until", paramLabel = "INSTANT",
            description = "Only events before this instant; failures are known up to it (default: the end of the last event's hour).")
    Instant until;

    @Option(names = "--like", paramLabel = "RECORDING",
            description = "Use the warning categories of this earlier import as columns, so a model trained on it scores this one.")
    Path like;

    @Option(names = "--silent-after", defaultValue = "24h", paramLabel = "DURATION",
            description = "A card's telemetry stops this long after its last warning; no feature window may be longer "
                    + "(default: ${DEFAULT-VALUE}).")
    String silentAfter;

    @Option(names = "--repair", defaultValue = "1h", paramLabel = "DURATION",
            description = "How long a card stays out after a failure (the log records no repairs; default: ${DEFAULT-VALUE}).")
    String repair;

    @Mixin
    DatasetCommand.ImportHandling handling = new DatasetCommand.ImportHandling();

    @Override
    public Integer call() {
        long started = System.nanoTime();
        BlueGeneImportResult result = BlueGeneImporter.run(BlueGeneImportOptions.builder(failures, warnings, out).from(from).until(until)
                .like(like).silentAfter(DurationText.parse(silentAfter)).repair(DurationText.parse(repair)).strict(handling.strict)
                .overwrite(handling.overwrite).versions(Map.of("foresight", VersionProvider.version())).build());
        BlueGeneDatasetFacts f = result.facts();
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "imported %s in %.1f s -> %s%n", f.name(), (System.nanoTime() - started) / 1e9, out.toAbsolutePath());
        lines(o, "failures", f.failureLines());
        lines(o, "warnings", f.warningLines());
        o.printf(Locale.ROOT, "  %d ticks of 1 h from %s; %d cards with telemetry, %d with failures%n", result.ticks(), f.startTime(),
                f.outages().cards(), f.outages().cardsWithFailures());
        o.printf(Locale.ROOT, "  outages (FAILED events) %d by category %s; %d more failure lines fell inside an outage (repair %s)%n",
                f.outages().outages(), f.outages().byCategory(), f.outages().repeatsMerged(), repair);
        o.printf(Locale.ROOT, "  columns %s%s%n", f.metrics(), f.likeRecording() == null ? " (learned here)" : " (as " + f.likeRecording() + ")");
        if (f.failureTrace() != null) {
            o.printf(Locale.ROOT, "  failure trace %s: %d node-card outages (%d link-card outages left out)%n", f.failureTrace(),
                    f.outages().inTrace(), f.outages().leftOutOfTrace());
        }
        o.printf(Locale.ROOT, "  records %s%n", result.recordCounts());
        return 0;
    }

    private static void lines(PrintStream o, String file, RasLineCounts c) {
        o.printf(Locale.ROOT, "  %s: lines read %d, on cards %d, without a card %s, outside the period %d, skipped %d%n", file, c.read(),
                c.onCardsTotal(), c.withoutCard(), c.outsidePeriod(), c.skippedTotal());
        if (!c.unmapped().isEmpty()) {
            o.printf(Locale.ROOT, "    not a column of --like (left out): %s%n", c.unmapped());
        }
        c.skipped().forEach((reason, n) -> {
            o.printf(Locale.ROOT, "    skipped %-16s %d, e.g.%n", reason, n);
            c.skippedExamples().getOrDefault(reason, List.of()).forEach(where -> o.println("      " + where));
        });
    }
}
