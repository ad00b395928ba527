package dev.foresight.producers.dataset.bluegene;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a Blue Gene/L RAS log.
 *
 * @param time      when it was logged (LLNL wall-clock time, read as if UTC)
 * @param card      the card it is about: from its location, or, when the location is {@code NULL} or
 *                  absent, a node card its message names ({@code Power deactivated: R05-M0-N4}); empty
 *                  for events of the control system (no card)
 * @param location  the location field as written ({@code R11-M0-NB-C:J07-U11}), empty when absent
 * @param component who logged it: KERNEL, APP, LINKCARD, MONITOR, BGLMASTER, MMCS, ...
 * @param level     FATAL or FAILURE in these files
 * @param message   the rest of the line
 * @param line      1-based line number in its file
 */
public record RasEvent(Instant time, Optional<Card> card, String location, String component, String level, String message,
                       long line) {
}
