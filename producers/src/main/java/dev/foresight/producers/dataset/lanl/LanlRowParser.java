package dev.foresight.producers.dataset.lanl;

import dev.foresight.producers.dataset.CsvHeader;
import dev.foresight.producers.dataset.CsvRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalInt;

/** Turns LANL rows into {@link LanlRecord}s, by column name; a row that cannot be read is {@link Rejected}. */
final class LanlRowParser {

    static final String SYSTEM = "System";
    static final String NODE = "nodenumz";
    static final String STARTED = "Prob Started";
    static final String FIXED = "Prob Fixed";
    static final String DOWN_TIME = "Down Time";
    static final String SAME_EVENT = "Same Event";
    static final List<String> CAUSES = List.of("Facilities", "Hardware", "Human Error", "Network", "Undetermined", "Software");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");

    /** A row that cannot become a record, and why. */
    static final class Rejected extends Exception {
        final LanlSkipReason reason;

        Rejected(LanlSkipReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private final CsvHeader header;
    private final int system;
    private final int node;
    private final int started;
    private final int fixed;
    private final int downTime;
    private final int sameEvent;
    private final int[] causes;

    LanlRowParser(CsvHeader header) {
        this.header = header;
        this.system = header.require(SYSTEM);
        this.node = header.require(NODE);
        this.started = header.require(STARTED);
        this.fixed = header.require(FIXED);
        this.downTime = header.require(DOWN_TIME);
        this.sameEvent = header.require(SAME_EVENT);
        this.causes = CAUSES.stream().mapToInt(header::require).toArray();
    }

    LanlRecord parse(CsvRow row) throws Rejected {
        if (row.blank()) {
            throw new Rejected(LanlSkipReason.BLANK_LINE, "blank line");
        }
        if (row.size() != header.size()) {
            throw new Rejected(LanlSkipReason.WRONG_COLUMN_COUNT, row.size() + " fields where the header has " + header.size() + " columns");
        }
        String systemId = row.value(system).trim();
        if (systemId.isEmpty()) {
            throw new Rejected(LanlSkipReason.MISSING_SYSTEM, column(system) + "empty");
        }
        Instant start = time(row, started).orElseThrow(() -> new Rejected(LanlSkipReason.BAD_START_TIME,
                column(started) + "'" + row.value(started) + "' is not an m/d/yyyy h:mm time"));
        return new LanlRecord(systemId, node(row), start, repairSeconds(row, start), cause(row),
                "Yes".equalsIgnoreCase(row.value(sameEvent).trim()), row.line());
    }

    private OptionalInt node(CsvRow row) throws Rejected {
        String text = row.value(node).trim();
        if (text.isEmpty()) {
            return OptionalInt.empty(); // a record of the whole system, not of one node
        }
        try {
            int index = Integer.parseInt(text);
            if (index < 0) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(index);
        } catch (NumberFormatException e) {
            throw new Rejected(LanlSkipReason.BAD_NODE, column(node) + "'" + text + "' is not a node number");
        }
    }

    private double repairSeconds(CsvRow row, Instant start) throws Rejected {
        String minutes = row.value(downTime).trim();
        if (!minutes.isEmpty()) {
            try {
                double value = Double.parseDouble(minutes);
                if (value >= 0 && Double.isFinite(value)) {
                    return value * 60;
                }
            } catch (NumberFormatException e) {
                // fall through to Prob Fixed
            }
        }
        var end = time(row, fixed);
        if (end.isPresent() && !end.get().isBefore(start)) {
            return Duration.between(start, end.get()).toSeconds();
        }
        throw new Rejected(LanlSkipReason.BAD_REPAIR_TIME, column(downTime) + "'" + minutes + "' is not a number of minutes and "
                + column(fixed) + "'" + row.value(fixed) + "' is not a time after Prob Started");
    }

    private String cause(CsvRow row) {
        for (int i = 0; i < causes.length; i++) {
            String sub = row.value(causes[i]).trim();
            if (!sub.isEmpty()) {
                return CAUSES.get(i) + "/" + sub;
            }
        }
        return "Unknown";
    }

    private java.util.Optional<Instant> time(CsvRow row, int column) {
        String text = row.value(column).trim();
        try {
            return java.util.Optional.of(LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private String column(int index) {
        return "column " + (index + 1) + " (" + header.name(index) + "): ";
    }
}
