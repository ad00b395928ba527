package dev.foresight.producers.dataset.lanl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the LANL file at a date of {@code Prob Started} (column 17), keeping the original lines: the same cut
 * as the {@code awk} command in docs/real-data.md. No quoted field comes before column 17 in the shared file.
 */
final class LanlSplit {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private LanlSplit() {
    }

    /** {earlier, later} files in {@code dir}. */
    static Path[] write(Path csv, LocalDate cut, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> earlier = new ArrayList<>(List.of(lines.get(0)));
        List<String> later = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String started = line.split(",", -1)[16];
            LocalDate day = LocalDate.parse(started.substring(0, started.indexOf(' ')), DATE);
            (day.isBefore(cut) ? earlier : later).add(line);
        }
        return new Path[] {Files.write(dir.resolve("earlier.csv"), earlier), Files.write(dir.resolve("later.csv"), later)};
    }
}
