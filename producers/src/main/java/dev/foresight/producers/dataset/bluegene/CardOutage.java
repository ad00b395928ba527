package dev.foresight.producers.dataset.bluegene;

import java.time.Instant;

/**
 * A card out of service: from its first failure until the assumed repair time after the last failure
 * that arrived while it was still out (the log records failures, never repairs).
 *
 * @param card      the card
 * @param start     the first failure
 * @param end       the assumed return to service
 * @param category  the first failure's category
 * @param first     the first failure's line, for the event detail
 * @param repeats   further failure lines of the card that fell inside the outage
 */
public record CardOutage(Card card, Instant start, Instant end, String category, RasEvent first, int repeats) {
}
