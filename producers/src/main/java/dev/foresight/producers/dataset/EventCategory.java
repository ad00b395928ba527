package dev.foresight.producers.dataset;

import dev.foresight.schemas.NodeEvent;
import java.util.Optional;

/**
 * The category of a failure: the {@code NodeEvent}'s {@code cause} field, which the simulator (failure class) and
 * importers whose failures come with a kind (Blue Gene/L's RAS messages) fill in; evaluation reads it back to report
 * recall per kind of failure. Recordings written before that field carried it as a prefix of the free-text detail,
 * {@code category=<name>; <the rest>}, which is still read. An event with neither has no category.
 */
public final class EventCategory {

    static final String PREFIX = "category=";

    private EventCategory() {
    }

    /** The detail of an event of this category, followed by free text. */
    public static String detail(String category, String text) {
        if (category.isBlank() || category.contains(";")) {
            throw new IllegalArgumentException("a category is a non-empty name without ';': '" + category + "'");
        }
        return PREFIX + category + "; " + text;
    }

    /** The event's category: its cause, or else the prefix of its detail, if any. */
    public static Optional<String> of(NodeEvent event) {
        String cause = event.getCause();
        return cause != null && !cause.isBlank() ? Optional.of(cause) : of(event.getDetail());
    }

    /** The category a detail starts with, if any. */
    public static Optional<String> of(String detail) {
        if (detail == null || !detail.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = detail.indexOf(';');
        String name = (end < 0 ? detail.substring(PREFIX.length()) : detail.substring(PREFIX.length(), end)).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
