package dev.foresight.producers.dataset.lanl;

import dev.foresight.cluster.FailureTrace;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * One LANL system's outages in time order: the failure trace of a cluster.
 *
 * @param system  the system number
 * @param epoch   time zero of the trace: the system's first outage
 * @param outages outages ordered by start, then node
 * @param counts  how records were collapsed into outages
 */
public record SystemTrace(String system, Instant epoch, List<Outage> outages, CollapseCounts counts) {

    static final Comparator<Outage> ORDER = Comparator.comparing(Outage::started)
            .thenComparingInt(o -> o.node().orElse(-1));

    public SystemTrace {
        outages = outages.stream().sorted(ORDER).toList();
    }

    /** Distinct nodes with at least one outage. */
    public long nodesWithOutages() {
        return outages.stream().map(Outage::node).filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt).distinct().count();
    }

    /** Seconds from the epoch to an outage's start. */
    public double secondsFromEpoch(Outage outage) {
        return (outage.started().toEpochMilli() - epoch.toEpochMilli()) / 1000.0;
    }

    /** The node failures as a trace the simulator replays, time zero at the epoch. */
    public FailureTrace toFailureTrace() {
        return toFailureTrace(epoch);
    }

    /**
     * The node failures from {@code from} on, as a trace the simulator replays with time zero at
     * {@code from}. System-wide outages have no node and are left out: the simulator fails nodes. Node
     * index = LANL's nodenumz; a scenario with fewer nodes ignores the others.
     */
    public FailureTrace toFailureTrace(Instant from) {
        return new FailureTrace(outages.stream()
                .filter(o -> o.node().isPresent() && !o.started().isBefore(from))
                .map(o -> new FailureTrace.Entry(o.node().getAsInt(),
                        (o.started().toEpochMilli() - from.toEpochMilli()) / 1000.0, o.repairSeconds()))
                .toList());
    }
}
