package dev.foresight.experiments.offline;

import dev.foresight.producers.dataset.bluegene.BlueGeneImportOptions;
import dev.foresight.producers.dataset.bluegene.BlueGeneImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Blue Gene/L logs in the LLNL format, imported with the real importer. Two kinds of failure: kernel panics
 * announced on their own card by memory errors 2, 3 and 4 hours before, and Lustre mount failures that hit
 * every card of a midplane at once without any warning (as in September 2005). Every card also logs
 * application-load errors at random, which announce nothing.
 */
final class SyntheticRasLogs {

    static final Instant START = Instant.parse("2005-06-01T00:00:00Z");
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd-HH.mm.ss.SSSSSS");

    private SyntheticRasLogs() {
    }

    /** The two log files of a machine of {@code midplanes} x 16 node cards over {@code days}. */
    static Path[] write(Path dir, int midplanes, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> failures = new ArrayList<>(); // {time, line}
        List<String[]> warnings = new ArrayList<>();
        long span = Duration.ofDays(days).toSeconds();
        for (int m = 0; m < midplanes; m++) {
            String midplane = String.format("R%d%d-M%d", m / 16, (m / 2) % 8, m % 2);
            for (int card = 0; card < 16; card++) {
                String location = String.format("%s-N%X-C:J%02d-U01", midplane, card, 2 + card % 16);
                for (long t = random.nextLong(86_400); t < span; t += 20_000 + random.nextLong(250_000)) {
                    warnings.add(line(t, location, "APP", "ciod: Error loading /p/gb1/run/a.out: invalid or missing program image, No such file or directory"));
                }
                for (long f = 30_000 + random.nextLong(400_000); f < span; f += 200_000 + random.nextLong(600_000)) {
                    for (int h = 2; h <= 4; h++) {
                        warnings.add(line(f - h * 3600L + random.nextLong(600), location, "KERNEL",
                                "machine check interrupt (bit=0x06): L3 major internal error"));
                    }
                    failures.add(line(f, location, "KERNEL", "rts panic! - stopping execution"));
                }
            }
            for (long f = 50_000 + random.nextLong(500_000); f < span; f += 400_000 + random.nextLong(800_000)) {
                for (int card = 0; card < 16; card++) {
                    failures.add(line(f + card, String.format("%s-N%X-I:J18-U11", midplane, card), "KERNEL",
                            "Lustre mount FAILED : bglio11 : block_id : location"));
                }
            }
        }
        return new Path[] {sorted(dir.resolve("failures.log"), failures), sorted(dir.resolve("warnings.log"), warnings)};
    }

    /** Writes and imports the logs, optionally only a period and with an earlier import's columns. */
    static Path recording(Path dir, String name, Path[] logs, Instant from, Instant until, Path like) {
        Path out = dir.resolve(name);
        BlueGeneImporter.run(BlueGeneImportOptions.builder(logs[0], logs[1], out).from(from).until(until).like(like).build());
        return out;
    }

    private static String[] line(long seconds, String location, String component, String message) {
        LocalDateTime t = LocalDateTime.ofInstant(START.plusSeconds(seconds), ZoneOffset.UTC);
        return new String[] {String.format("%012d", seconds), t.format(TIME) + " " + location + " RAS " + component + " FATAL " + message};
    }

    private static Path sorted(Path file, List<String[]> lines) {
        lines.sort((a, b) -> a[0].compareTo(b[0]));
        try {
            Files.write(file, lines.stream().map(l -> l[1]).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
