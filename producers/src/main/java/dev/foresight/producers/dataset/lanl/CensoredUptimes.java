package dev.foresight.producers.dataset.lanl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Node uptimes of one system as an observation window sees them: from each repair to the same node's next
 * failure (complete), and from a node's last repair to the end of the window (right-censored: the node was
 * still up when the records stop, so its uptime is at least that long). The end of the window is the
 * system's last recorded outage start. The time before a node's first failure in the window is left out:
 * when that uptime began is not in the records.
 *
 * <p>Leaving the censored uptimes out, as a fit on complete intervals does, biases a window's uptimes short:
 * the longer an uptime, the likelier the window's edge cuts it.
 *
 * @param hours    uptimes in hours, each positive
 * @param complete per uptime: true if it ended with a failure, false if censored at the window's end
 */
public record CensoredUptimes(double[] hours, boolean[] complete) {

    public CensoredUptimes {
        if (hours.length != complete.length) {
            throw new IllegalArgumentException("hours and complete differ in length: " + hours.length + " vs " + complete.length);
        }
        hours = hours.clone();
        complete = complete.clone();
    }

    /** Every uptime of the trace. */
    public static CensoredUptimes of(SystemTrace trace) {
        return of(trace, Optional.empty());
    }

    /** The uptimes that start (at a repair) at or after {@code since}: a fit over a recent window. */
    public static CensoredUptimes of(SystemTrace trace, Optional<Instant> since) {
        Map<Integer, List<Outage>> byNode = new TreeMap<>();
        Instant end = null;
        for (Outage outage : trace.outages()) {
            outage.node().ifPresent(n -> byNode.computeIfAbsent(n, k -> new ArrayList<>()).add(outage));
            end = end == null || outage.started().isAfter(end) ? outage.started() : end;
        }
        List<Double> hours = new ArrayList<>();
        List<Boolean> complete = new ArrayList<>();
        for (List<Outage> outages : byNode.values()) {
            for (int i = 0; i < outages.size(); i++) {
                Instant repaired = outages.get(i).repaired();
                if (since.isPresent() && repaired.isBefore(since.get())) {
                    continue;
                }
                boolean last = i == outages.size() - 1;
                Instant stop = last ? end : outages.get(i + 1).started();
                double h = (stop.toEpochMilli() - repaired.toEpochMilli()) / 3_600_000.0;
                if (h > 0) { // a repair that outlasts the records, or a hand-written overlap, gives no uptime
                    hours.add(h);
                    complete.add(!last);
                }
            }
        }
        boolean[] flags = new boolean[complete.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = complete.get(i);
        }
        return new CensoredUptimes(hours.stream().mapToDouble(Double::doubleValue).toArray(), flags);
    }

    /** This sample and another as one, for a fit of one law to both. */
    public CensoredUptimes with(CensoredUptimes other) {
        double[] h = java.util.Arrays.copyOf(hours, hours.length + other.hours.length);
        boolean[] c = java.util.Arrays.copyOf(complete, complete.length + other.complete.length);
        System.arraycopy(other.hours, 0, h, hours.length, other.hours.length);
        System.arraycopy(other.complete, 0, c, complete.length, other.complete.length);
        return new CensoredUptimes(h, c);
    }

    public int size() {
        return hours.length;
    }

    /** Uptimes that ended with a failure. */
    public int failures() {
        int n = 0;
        for (boolean c : complete) {
            n += c ? 1 : 0;
        }
        return n;
    }

    /** The complete uptimes only, as a fit or test that ignores censoring would see them. */
    public double[] completeHours() {
        double[] out = new double[failures()];
        int j = 0;
        for (int i = 0; i < hours.length; i++) {
            if (complete[i]) {
                out[j++] = hours[i];
            }
        }
        return out;
    }

    @Override
    public double[] hours() {
        return hours.clone();
    }

    @Override
    public boolean[] complete() {
        return complete.clone();
    }
}
