package dev.foresight.producers.dataset.lanl;

import java.util.List;

/**
 * The failure laws fitted to one system. A law is null when the system has too few samples for it
 * ({@code notes} says so).
 *
 * @param system          the system number
 * @param records         records read
 * @param outages         outages after collapsing
 * @param nodes           nodes with at least one outage
 * @param spanDays        from the first to the last outage
 * @param failuresPerYear outages per year over that span (Schroeder &amp; Gibson: 20 to 1000 per system)
 * @param nodeUptime      time from a node's repair to its next failure, pooled over the system's nodes:
 *                        the scenario's {@code failures.weibull} (a renewal process restarting at each repair)
 * @param systemGaps      time between consecutive failure starts anywhere in the system (outages starting
 *                        in the same minute count once)
 * @param repair          repair time of every outage with a positive repair time
 * @param simultaneous    outages that started in the same minute as another one of the system
 * @param zeroRepairs     outages with a repair time of zero (left out of the repair law)
 * @param notes           what could not be fitted, and why
 */
public record SystemFailureLaws(String system, long records, long outages, long nodes, double spanDays, double failuresPerYear,
                                WeibullEstimate nodeUptime, WeibullEstimate systemGaps, LogNormalEstimate repair,
                                long simultaneous, long zeroRepairs, List<String> notes) {

    public SystemFailureLaws {
        notes = List.copyOf(notes);
    }
}
