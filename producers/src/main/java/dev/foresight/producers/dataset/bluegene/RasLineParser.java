package dev.foresight.producers.dataset.bluegene;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads one line of a Blue Gene/L RAS log:
 * {@code YYYY-MM-DD-HH.MM.SS.micro LOCATION TYPE COMPONENT LEVEL message}. Three variants occur in the
 * LLNL files and are accepted: a {@code NULL} location, a {@code NULL} type, and no location at all
 * ({@code 2005-10-31-21.12.25.762602 RAS KERNEL FATAL Kill job 48119 timed out. Block freed.}).
 */
final class RasLineParser {

    /** A line that cannot be read, with the reason it is counted under. */
    static final class Rejected extends Exception {
        final BlueGeneSkipReason reason;

        Rejected(BlueGeneSkipReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH.mm.ss.SSSSSS");

    RasEvent parse(String text, long line) throws Rejected {
        if (text.isBlank()) {
            throw new Rejected(BlueGeneSkipReason.BLANK_LINE, "blank line");
        }
        String[] head = text.strip().split(" +", 2);
        Instant time = time(head[0]);
        String rest = head.length > 1 ? head[1] : "";
        // no location: the type field (RAS) comes right after the timestamp
        boolean located = !rest.startsWith("RAS ");
        String[] f = rest.split(" +", located ? 5 : 4);
        int needed = located ? 4 : 3;
        if (f.length < needed || f[0].isEmpty()) {
            throw new Rejected(BlueGeneSkipReason.TOO_FEW_FIELDS, "expected timestamp, location, type, component and level, got '"
                    + abbreviate(text) + "'");
        }
        String location = located ? f[0] : "";
        int c = located ? 2 : 1;
        String component = f[c];
        String level = f[c + 1];
        String message = f.length > c + 2 ? f[c + 2].strip() : "";
        Optional<Card> card;
        try {
            card = Card.ofLocation(location);
        } catch (IllegalArgumentException e) {
            throw new Rejected(BlueGeneSkipReason.BAD_LOCATION, e.getMessage());
        }
        if (card.isEmpty()) {
            card = Card.namedIn(message);
        }
        return new RasEvent(time, card, location, component, level, message, line);
    }

    private static Instant time(String field) throws Rejected {
        try {
            return LocalDateTime.parse(field, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Rejected(BlueGeneSkipReason.BAD_TIMESTAMP, "'" + abbreviate(field) + "' is not a timestamp yyyy-MM-dd-HH.mm.ss.micro");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
