package dev.foresight.producers.dataset.bluegene;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import and how; built with {@link #builder}.
 *
 * @param failures   the failures log (one failure per line)
 * @param warnings   the other fatal events, candidate warnings
 * @param output     the recording directory to write
 * @param from       only events at or after this instant (and tick 0 starts at its hour); empty: from the first event
 * @param until      only events before this instant, and failures known up to it; empty: to the end of the last event's hour
 * @param like       a recording from an earlier import whose warning categories become this one's columns, so a
 *                   model trained on it scores this one; empty: the categories seen here
 * @param silentAfter a card's telemetry goes on this long after its last warning, then stops until the next one
 * @param repair     how long a card stays out after a failure (the log records no repairs)
 * @param strict     stop at the first malformed line instead of skipping and counting it
 * @param overwrite  write into a directory that already holds files
 * @param versions   code versions for the manifest
 */
public record BlueGeneImportOptions(Path failures, Path warnings, Path output, Optional<Instant> from, Optional<Instant> until,
                                    Optional<Path> like, Duration silentAfter, Duration repair, boolean strict, boolean overwrite,
                                    Map<String, String> versions) {

    /** The tick: one hour. Lead times below an hour are still measured exactly (failures keep their times). */
    public static final Duration TICK = Duration.ofHours(1);

    public BlueGeneImportOptions {
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(output, "output");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("--from " + from.get() + " must be before --until " + until.get());
        }
        if (silentAfter.compareTo(TICK) < 0 || silentAfter.toSeconds() % TICK.toSeconds() != 0) {
            throw new IllegalArgumentException("--silent-after must be a whole number of hours, at least 1: " + silentAfter);
        }
        if (repair.isNegative() || repair.isZero()) {
            throw new IllegalArgumentException("--repair must be positive: " + repair);
        }
        versions = Map.copyOf(versions);
    }

    public static Builder builder(Path failures, Path warnings, Path output) {
        return new Builder(failures, warnings, output);
    }

    /** Defaults: the whole files, categories seen in them, silent 24 h after a card's last warning, 1 h repairs, lenient. */
    public static final class Builder {
        private final Path failures;
        private final Path warnings;
        private final Path output;
        private Instant from;
        private Instant until;
        private Path like;
        private Duration silentAfter = Duration.ofHours(24);
        private Duration repair = Duration.ofHours(1);
        private boolean strict;
        private boolean overwrite;
        private Map<String, String> versions = Map.of();

        private Builder(Path failures, Path warnings, Path output) {
            this.failures = failures;
            this.warnings = warnings;
            this.output = output;
        }

        public Builder from(Instant value) {
            from = value;
            return this;
        }

        public Builder until(Instant value) {
            until = value;
            return this;
        }

        public Builder like(Path recording) {
            like = recording;
            return this;
        }

        public Builder silentAfter(Duration value) {
            silentAfter = value;
            return this;
        }

        public Builder repair(Duration value) {
            repair = value;
            return this;
        }

        public Builder strict(boolean value) {
            strict = value;
            return this;
        }

        public Builder overwrite(boolean value) {
            overwrite = value;
            return this;
        }

        public Builder versions(Map<String, String> value) {
            versions = value;
            return this;
        }

        public BlueGeneImportOptions build() {
            return new BlueGeneImportOptions(failures, warnings, output, Optional.ofNullable(from), Optional.ofNullable(until),
                    Optional.ofNullable(like), silentAfter, repair, strict, overwrite, versions);
        }
    }
}
