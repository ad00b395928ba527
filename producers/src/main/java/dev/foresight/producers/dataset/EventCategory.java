package dev.foresight.producers.dataset;

import java.util.Optional;

/**
 * The category of a failure, carried in a {@code NodeEvent}'s free-text detail as a prefix
 * {@code category=<name>; <the rest>}. Importers whose failures come with a kind (Blue Gene/L's RAS
 * messages) write it; evaluation reads it back to report recall per kind of failure. A detail without
 * the prefix has no category: recordings that never write one (simulated runs, Backblaze) are unaffected.
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
