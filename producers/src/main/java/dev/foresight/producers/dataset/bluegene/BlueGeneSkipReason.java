package dev.foresight.producers.dataset.bluegene;

/** Why a line of a Blue Gene/L RAS log was left out of a recording. */
public enum BlueGeneSkipReason {
    /** A line with nothing on it. */
    BLANK_LINE,
    /** The first field is not a timestamp {@code yyyy-MM-dd-HH.mm.ss.micro}. */
    BAD_TIMESTAMP,
    /** Fewer fields than timestamp, location, type, component and level. */
    TOO_FEW_FIELDS,
    /** A location that is neither a card ({@code R11-M0-NB-C:J07-U11}, {@code R63-M0-L2-U21-A}) nor {@code NULL}. */
    BAD_LOCATION
}
