package dev.foresight.producers.dataset.backblaze;

import dev.foresight.producers.dataset.CsvHeader;
import dev.foresight.producers.dataset.CsvRow;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of one Backblaze file into {@link DriveDay}s, by column name. Empty SMART fields are
 * "not reported by this drive model" and simply absent from the metrics; anything else that is not a
 * number makes the whole row {@link Rejected}, naming the column.
 */
final class BackblazeRowParser {

    static final String DATE = "date";
    static final String SERIAL = "serial_number";
    static final String MODEL = "model";
    static final String CAPACITY = "capacity_bytes";
    static final String FAILURE = "failure";

    private static final Pattern SMART_RAW = Pattern.compile("smart_(\\d+)_raw");

    /** A row that cannot become a drive-day, and why. */
    static final class Rejected extends Exception {
        final BackblazeSkipReason reason;

        Rejected(BackblazeSkipReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private final CsvHeader header;
    private final int date;
    private final int serial;
    private final int model;
    private final int capacity;
    private final int failure;
    private final List<Integer> smartColumns = new ArrayList<>();
    private final List<String> smartNames = new ArrayList<>();

    BackblazeRowParser(CsvHeader header) {
        this.header = header;
        this.date = header.require(DATE);
        this.serial = header.require(SERIAL);
        this.model = header.require(MODEL);
        this.capacity = header.require(CAPACITY);
        this.failure = header.require(FAILURE);
        for (int i = 0; i < header.size(); i++) {
            Matcher m = SMART_RAW.matcher(header.name(i));
            if (m.matches()) {
                smartColumns.add(i);
                smartNames.add(header.name(i));
            }
        }
    }

    DriveDay parse(CsvRow row) throws Rejected {
        if (row.blank()) {
            throw new Rejected(BackblazeSkipReason.BLANK_LINE, "blank line");
        }
        if (row.size() != header.size()) {
            throw new Rejected(BackblazeSkipReason.WRONG_COLUMN_COUNT,
                    row.size() + " fields where the header has " + header.size() + " columns");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(row.value(date));
        } catch (DateTimeParseException e) {
            throw new Rejected(BackblazeSkipReason.BAD_DATE, column(date) + "'" + row.value(date) + "' is not a yyyy-MM-dd date");
        }
        String serialNumber = row.value(serial).trim();
        if (serialNumber.isEmpty()) {
            throw new Rejected(BackblazeSkipReason.MISSING_SERIAL, column(serial) + "empty");
        }
        boolean failed = switch (row.value(failure).trim()) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new Rejected(BackblazeSkipReason.BAD_FAILURE_FLAG,
                    column(failure) + "'" + row.value(failure) + "' is neither 0 nor 1");
        };
        return new DriveDay(day, serialNumber, row.value(model).trim(), capacity(row), failed, smart(row));
    }

    private OptionalLong capacity(CsvRow row) throws Rejected {
        String text = row.value(capacity).trim();
        try {
            long bytes = Long.parseLong(text);
            if (bytes == -1) {
                return OptionalLong.empty(); // Backblaze writes -1 when the drive did not report it
            }
            if (bytes <= 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(bytes);
        } catch (NumberFormatException e) {
            throw new Rejected(BackblazeSkipReason.BAD_CAPACITY, column(capacity) + "'" + text + "' is not a positive whole number");
        }
    }

    private Map<String, Double> smart(CsvRow row) throws Rejected {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < smartColumns.size(); k++) {
            int col = smartColumns.get(k);
            String text = row.value(col).trim();
            if (text.isEmpty()) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!Double.isFinite(value) || value < 0) {
                throw new Rejected(BackblazeSkipReason.BAD_SMART_VALUE, column(col) + "'" + text + "' is not a non-negative number");
            }
            values.put(smartNames.get(k), value);
        }
        return values;
    }

    private String column(int index) {
        return "column " + (index + 1) + " (" + header.name(index) + "): ";
    }

    /** The SMART raw metric names this file has columns for. */
    List<String> smartMetricNames() {
        return List.copyOf(smartNames);
    }
}
