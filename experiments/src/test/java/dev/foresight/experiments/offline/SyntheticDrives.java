package dev.foresight.experiments.offline;

import dev.foresight.producers.dataset.SamplingWeights;
import dev.foresight.producers.dataset.backblaze.BackblazeImportOptions;
import dev.foresight.producers.dataset.backblaze.BackblazeImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fleet of drives in Backblaze's CSV format, imported with the real importer: most failures are
 * announced by reallocated sectors (smart_5_raw) growing over the last days; a few are sudden; a few
 * healthy drives carry a constant non-zero count. Enough signal that a model must beat a constant score.
 */
final class SyntheticDrives {

    static final LocalDate START = LocalDate.of(2020, 1, 1);

    private SyntheticDrives() {
    }

    /** Failure day of each failing drive, by serial. */
    static Map<String, Integer> failureDays(int failing, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> failures = new HashMap<>();
        for (int d = 0; d < failing; d++) {
            failures.put(String.format("F%04d", d), 6 + random.nextInt(days - 6));
        }
        return failures;
    }

    static Path csv(Path file, int healthy, int failing, int days, long seed) {
        Map<String, Integer> failures = failureDays(failing, days, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("date,serial_number,model,capacity_bytes,failure,smart_5_raw,smart_9_raw,smart_194_raw\n");
            for (int day = 0; day < days; day++) {
                for (int d = 0; d < healthy + failing; d++) {
                    String serial = d < healthy ? String.format("H%04d", d) : String.format("F%04d", d - healthy);
                    Integer failDay = failures.get(serial);
                    if (failDay != null && day > failDay) {
                        continue;
                    }
                    double sectors = 0;
                    if (failDay != null && d % 5 != 0 && failDay - day < 5) {
                        sectors = 8 << (4 - (failDay - day)); // announced: 8, 16, ... 128 on the failure day
                    } else if (failDay == null && d % 33 == 0) {
                        sectors = 24; // a healthy drive with an old, stable count
                    }
                    out.write(START.plusDays(day) + "," + serial + ",ST4000DM000,4000787030016," + (failDay != null && failDay == day ? 1 : 0)
                            + "," + (long) sectors + "," + (1000 + 24 * day + d) + "," + (24 + random.nextInt(6)) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes and imports a fleet; returns the recording directory. */
    static Path recording(Path dir, String name, int healthy, int failing, int days, long seed) {
        Path csv = csv(dir.resolve(name + ".csv"), healthy, failing, days, seed);
        Path out = dir.resolve(name);
        BackblazeImporter.run(BackblazeImportOptions.of(List.of(csv), out).withSampling(SamplingWeights.none()));
        return out;
    }
}
