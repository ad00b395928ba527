package dev.foresight.producers.dataset.bluegene;

import java.util.Map;

/**
 * The failures of an import as outages.
 *
 * @param cards            cards with telemetry (at least one warning of a column's category)
 * @param cardsWithFailures cards with at least one outage
 * @param outages          outages: FAILED events in the recording
 * @param byCategory       outages by the category of their first failure
 * @param repeatsMerged    failure lines that fell inside an outage of their card and extended it
 * @param inTrace          outages of node cards written to the failure trace
 * @param leftOutOfTrace   outages of link cards, which have no node index and are not in the trace
 */
public record OutageCounts(long cards, long cardsWithFailures, long outages, Map<String, Long> byCategory, long repeatsMerged,
                           long inTrace, long leftOutOfTrace) {
}
