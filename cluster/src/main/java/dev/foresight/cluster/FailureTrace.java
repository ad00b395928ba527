package dev.foresight.cluster;

import java.util.Comparator;
import java.util.List;

/**
 * Hardware failures to replay instead of drawing them (for instance imported from the LANL failure
 * records). Times are relative to the scenario start. Whether each failure is predictable, and its
 * degradation period, are still drawn from the seed, per node.
 *
 * <p>A failure that starts while its node is still under repair from the previous one is ignored:
 * the node is already down.
 */
public record FailureTrace(List<Entry> entries) {

    /**
     * @param nodeIndex index of the node ({@code node-0007} has index 7)
     * @param failAtSeconds seconds after the scenario start
     * @param repairSeconds how long the node stays down
     */
    public record Entry(int nodeIndex, double failAtSeconds, double repairSeconds) {
        public Entry {
            if (nodeIndex < 0) {
                throw new IllegalArgumentException("nodeIndex must be >= 0, got " + nodeIndex);
            }
            if (!(failAtSeconds >= 0) || !(repairSeconds >= 0)) {
                throw new IllegalArgumentException(
                        "failAtSeconds and repairSeconds must be >= 0, got " + failAtSeconds + ", " + repairSeconds);
            }
        }

        /** For ids of the form {@code node-0007}. */
        public static Entry forNodeId(String nodeId, double failAtSeconds, double repairSeconds) {
            int dash = nodeId.lastIndexOf('-');
            try {
                return new Entry(Integer.parseInt(nodeId.substring(dash + 1)), failAtSeconds, repairSeconds);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a node id of the form node-0007: " + nodeId, e);
            }
        }
    }

    public FailureTrace {
        entries = entries.stream()
                .sorted(Comparator.comparingInt(Entry::nodeIndex).thenComparingDouble(Entry::failAtSeconds))
                .toList();
    }

    public static FailureTrace empty() {
        return new FailureTrace(List.of());
    }

    /** This node's entries in time order. */
    public List<Entry> forNode(int nodeIndex) {
        return entries.stream().filter(e -> e.nodeIndex() == nodeIndex).toList();
    }
}
