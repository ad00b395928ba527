package dev.foresight.streams.validation;

import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.streams.StreamsSettings;
import dev.foresight.streams.errors.RejectReason;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an input record acceptable, beyond decoding. Pure and thread-safe.
 *
 * <p><b>Unknown nodes.</b> A node is known when its id matches the node id pattern and, if a registry
 * is configured, is in it. Deliberately not "has a cluster-state record": cluster state arrives on
 * another topic, and whether it or a node's first telemetry is read first depends on fetch timing, so
 * the same input would be accepted in one run and dead-lettered in the next.
 *
 * <p><b>Values.</b> Every metric must be finite; metrics whose names match the non-negative pattern
 * (utilisations, {@code *_total} counters, Kelvin temperatures, power, fan speeds, counts, rates, sizes)
 * must not be negative. The whole record is refused, not just the metric: a half-accepted sample would
 * make features silently depend on which sensor broke.
 */
public final class RecordRules {

    private final Pattern nodeId;
    private final Set<String> registry;
    private final Pattern nonNegative;

    public RecordRules(String nodeIdPattern, Set<String> registry, String nonNegativeMetrics) {
        this.nodeId = Pattern.compile(nodeIdPattern);
        this.registry = Set.copyOf(registry);
        this.nonNegative = Pattern.compile(nonNegativeMetrics);
    }

    public static RecordRules from(StreamsSettings settings) {
        return new RecordRules(settings.nodeIdPattern(), settings.knownNodes(), settings.nonNegativeMetrics());
    }

    /** Whether a metric of this name can never be negative. */
    public boolean nonNegative(String metric) {
        return nonNegative.matcher(metric).matches();
    }

    public Optional<Rejection> check(String key, NodeTelemetry telemetry) {
        Optional<Rejection> node = checkNode(key, telemetry.getNodeId());
        if (node.isPresent()) {
            return node;
        }
        if (telemetry.getTimestamp().toEpochMilli() < 0) {
            return reject(RejectReason.INVALID_VALUE, "telemetry of node " + telemetry.getNodeId()
                    + " has a timestamp before 1970: " + telemetry.getTimestamp());
        }
        for (Map.Entry<String, Double> metric : telemetry.getMetrics().entrySet()) {
            double value = metric.getValue();
            if (!Double.isFinite(value)) {
                return reject(RejectReason.INVALID_VALUE, "metric " + metric.getKey() + " of node "
                        + telemetry.getNodeId() + " is " + value + " at " + telemetry.getTimestamp());
            }
            if (value < 0 && nonNegative(metric.getKey())) {
                return reject(RejectReason.INVALID_VALUE, "metric " + metric.getKey() + " of node "
                        + telemetry.getNodeId() + " is " + value + " at " + telemetry.getTimestamp()
                        + ", but it cannot be negative");
            }
        }
        return Optional.empty();
    }

    public Optional<Rejection> check(String key, NodeEvent event) {
        Optional<Rejection> node = checkNode(key, event.getNodeId());
        if (node.isPresent()) {
            return node;
        }
        if (event.getTimestamp().toEpochMilli() < 0) {
            return reject(RejectReason.INVALID_VALUE, event.getType() + " event of node " + event.getNodeId()
                    + " has a timestamp before 1970: " + event.getTimestamp());
        }
        return Optional.empty();
    }

    /** A marker must name the partition it sits on and a tick that is not negative. */
    public Optional<Rejection> check(TickMarker marker, int actualPartition) {
        if (marker.getPartition() != actualPartition) {
            return reject(RejectReason.MISROUTED_MARKER, "marker of stage " + marker.getStage() + " for tick "
                    + marker.getTick() + " names partition " + marker.getPartition() + " but sits on partition "
                    + actualPartition);
        }
        if (marker.getTick() < 0) {
            return reject(RejectReason.INVALID_VALUE, "marker of stage " + marker.getStage() + " has negative tick "
                    + marker.getTick());
        }
        if (marker.getTimestamp().toEpochMilli() < 0) {
            return reject(RejectReason.INVALID_VALUE, "marker for tick " + marker.getTick()
                    + " has a timestamp before 1970: " + marker.getTimestamp());
        }
        if (marker.getPartitionCount() <= marker.getPartition()) {
            return reject(RejectReason.INVALID_VALUE, "marker for tick " + marker.getTick() + " names partition "
                    + marker.getPartition() + " of " + marker.getPartitionCount());
        }
        return Optional.empty();
    }

    private Optional<Rejection> checkNode(String key, String node) {
        if (!nodeId.matcher(node).matches()) {
            return reject(RejectReason.UNKNOWN_NODE, "node id '" + node + "' does not match the pattern " + nodeId);
        }
        if (!registry.isEmpty() && !registry.contains(node)) {
            return reject(RejectReason.UNKNOWN_NODE, "node '" + node + "' is not in the node registry ("
                    + registry.size() + " nodes)");
        }
        if (!node.equals(key)) {
            return reject(RejectReason.KEY_MISMATCH, "record key " + (key == null ? "null" : "'" + key + "'")
                    + " is not the node id '" + node + "': the record may sit on another node's partition");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(RejectReason reason, String message) {
        return Optional.of(new Rejection(reason, message));
    }
}
