package dev.foresight.producers.dataset.lanl;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * One row of the LANL failure data: one failure or interrupt.
 *
 * @param system        the system number
 * @param node          nodenumz, the node's index in its system; empty for a system-wide record
 * @param started       Prob Started (LANL local wall-clock time, read as if UTC)
 * @param repairSeconds Down Time, or Prob Fixed - Prob Started when Down Time is blank
 * @param cause         root-cause column and sub-cause, e.g. {@code Hardware/Memory}
 * @param sameEvent     Same Event = Yes: related to the system's previous record
 * @param line          the line of the row in its file
 */
public record LanlRecord(String system, OptionalInt node, Instant started, double repairSeconds, String cause,
                         boolean sameEvent, long line) {
}
