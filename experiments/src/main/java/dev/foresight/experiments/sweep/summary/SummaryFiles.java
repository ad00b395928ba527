package dev.foresight.experiments.sweep.summary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sweep's summary on disk: {@code summary.json} (the whole {@link SweepSummary}, read back by the
 * Markdown table), {@code summary.csv} (one row per figure and policy: means, paired difference,
 * intervals, wins) and {@code seeds.csv} (one row per seed and policy: every figure).
 */
public final class SummaryFiles {

    public static final String JSON_FILE = "summary.json";
    public static final String CSV_FILE = "summary.csv";
    public static final String SEEDS_CSV_FILE = "seeds.csv";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SummaryFiles() {}

    public static Path writeJson(SweepSummary summary, Path dir) {
        Path file = dir.resolve(JSON_FILE);
        try {
            Files.writeString(file, JSON.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** @throws IllegalArgumentException when {@code dir} holds no sweep summary this code can read */
    public static SweepSummary readJson(Path dir) {
        Path file = Files.isDirectory(dir) ? dir.resolve(JSON_FILE) : dir;
        try {
            SweepSummary summary = JSON.readValue(file.toFile(), SweepSummary.class);
            if (summary.format() != SweepSummary.FORMAT) {
                throw new IllegalArgumentException(file + " is a sweep summary of format " + summary.format() + ", this code reads "
                        + SweepSummary.FORMAT + "; run the sweep again to rewrite it");
            }
            return summary;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("no sweep summary at " + file + " (run `foresight experiment sweep` first)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a sweep summary: " + e.getMessage(), e);
        }
    }

    public static Path writeCsv(SweepSummary summary, Path dir) {
        List<String> lines = new ArrayList<>();
        lines.add("kind,figure,label,unit,better,policy,seeds,mean,reference_mean,mean_difference,t_low,t_high,"
                + "bootstrap_low,bootstrap_high,wins");
        rows(lines, "run", summary.metrics(), summary.header().reference());
        rows(lines, "predictor", summary.predictor(), summary.header().reference());
        return write(dir.resolve(CSV_FILE), lines);
    }

    public static Path writeSeedsCsv(SweepSummary summary, Path dir) {
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("seed", "policy"));
        summary.metrics().forEach(m -> header.add(m.key()));
        summary.predictor().forEach(m -> header.add("predictor." + m.key()));
        lines.add(String.join(",", header));
        List<Long> seeds = summary.header().seeds();
        for (int i = 0; i < seeds.size(); i++) {
            for (String policy : summary.header().policies()) {
                List<String> row = new ArrayList<>(List.of(Long.toString(seeds.get(i)), policy));
                for (MetricComparison m : summary.metrics()) {
                    row.add(number(m.policy(policy).bySeed().get(i)));
                }
                for (MetricComparison m : summary.predictor()) {
                    int seed = i;
                    row.add(m.policies().stream().filter(p -> p.policy().equals(policy)).findFirst()
                            .map(p -> number(p.bySeed().get(seed))).orElse(""));
                }
                lines.add(String.join(",", row));
            }
        }
        return write(dir.resolve(SEEDS_CSV_FILE), lines);
    }

    private static void rows(List<String> lines, String kind, List<MetricComparison> metrics, String reference) {
        for (MetricComparison m : metrics) {
            Double referenceMean = m.policies().stream().filter(p -> p.policy().equals(reference)).findFirst()
                    .map(PolicyFigures::mean).orElse(null);
            for (PolicyFigures p : m.policies()) {
                PairedDifference d = p.differenceFromReference();
                List<String> row = new ArrayList<>(List.of(kind, m.key(), quoted(m.label()), quoted(m.unit()),
                        m.better().name().toLowerCase(java.util.Locale.ROOT), p.policy(),
                        Long.toString(p.bySeed().stream().filter(v -> v != null).count()), number(p.mean())));
                if (d == null) {
                    row.addAll(List.of("", "", "", "", "", "", ""));
                } else {
                    row.addAll(List.of(number(referenceMean), number(d.mean()), number(d.pairedT().low()), number(d.pairedT().high()),
                            number(d.bootstrap().low()), number(d.bootstrap().high()), d.wins() == null ? "" : d.wins().toString()));
                }
                lines.add(String.join(",", row));
            }
        }
    }

    /** Full precision, so a spreadsheet recomputes exactly what the report shows; empty for none. */
    private static String number(Double v) {
        return v == null || v.isNaN() ? "" : Double.toString(v);
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static Path write(Path file, List<String> lines) {
        try {
            Files.writeString(file, lines.stream().collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
