package dev.foresight.producers.dataset.lanl;

/**
 * How a system's records became outages.
 *
 * @param records          records read for the system
 * @param sameEventMerged  Same Event=Yes records merged into the system's previous record
 * @param overlapsMerged   records of a node that started while the node was still down from its previous
 *                         record (the same outage reported twice, e.g. with two causes), merged into it
 * @param systemWide       outages without a node number: they count for the system, not for any node
 */
public record CollapseCounts(long records, long sameEventMerged, long overlapsMerged, long systemWide) {
}
