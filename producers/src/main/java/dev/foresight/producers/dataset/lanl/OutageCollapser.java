package dev.foresight.producers.dataset.lanl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one system's records into outages. Two rules, both because a failure law is about failures, not
 * about rows:
 * <ol>
 *   <li>a {@code Same Event=Yes} record belongs to the system's previous record (in time order): it is
 *       merged into it, extending its repair if it ends later;</li>
 *   <li>a record of a node that starts while the node is still down from its previous outage (start at or
 *       before that outage's end) reports the same outage again: merged likewise. Without this, a failure
 *       logged with two causes would add a time between failures of zero.</li>
 * </ol>
 */
final class OutageCollapser {

    private OutageCollapser() {
    }

    static SystemTrace collapse(String system, List<LanlRecord> records) {
        List<LanlRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing(LanlRecord::started)); // stable: file order breaks ties
        List<Outage> kept = new ArrayList<>();
        long sameEvent = 0;
        for (LanlRecord record : ordered) {
            Outage outage = new Outage(record.node(), record.started(), record.repairSeconds(), record.cause());
            if (record.sameEvent() && !kept.isEmpty()) {
                int last = kept.size() - 1;
                kept.set(last, kept.get(last).extendedTo(outage.repaired()));
                sameEvent++;
            } else {
                kept.add(outage);
            }
        }
        Map<Integer, List<Outage>> byNode = new TreeMap<>();
        List<Outage> result = new ArrayList<>();
        for (Outage outage : kept) {
            if (outage.node().isPresent()) {
                byNode.computeIfAbsent(outage.node().getAsInt(), n -> new ArrayList<>()).add(outage);
            } else {
                result.add(outage);
            }
        }
        long systemWide = result.size();
        long overlaps = 0;
        for (List<Outage> nodeOutages : byNode.values()) {
            Outage current = null;
            for (Outage outage : nodeOutages) {
                if (current != null && !outage.started().isAfter(current.repaired())) {
                    current = current.extendedTo(outage.repaired());
                    overlaps++;
                } else {
                    if (current != null) {
                        result.add(current);
                    }
                    current = outage;
                }
            }
            result.add(current);
        }
        Instant epoch = ordered.get(0).started();
        return new SystemTrace(system, epoch, result, new CollapseCounts(records.size(), sameEvent, overlaps, systemWide));
    }
}
