package dev.foresight.experiments.offline;

import dev.foresight.predictor.feature.NodeLife;
import dev.foresight.predictor.label.HealthEvent;
import dev.foresight.producers.dataset.EventCategory;
import dev.foresight.predictor.label.NodeHistory;
import dev.foresight.producers.dataset.RecordingFacts;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A recording (simulated run or imported dataset) seen as a fleet of nodes for offline learning: each
 * node's failures and repairs, its sampling weight, the metric vocabulary, the tick length and the time
 * up to which failures are known. Telemetry is not held: {@link #forEachTelemetry} streams it again, in
 * the recording's tick order, for whoever needs it.
 *
 * <p>When failures carry a category ({@link EventCategory}, e.g. Blue Gene/L), the fleet also keeps each
 * failure's category and, per node, the times of its telemetry records with a non-zero value (for a
 * recording of event counts: when it logged something), so evaluation can report per kind of failure
 * and say how many failures had any earlier sign.
 */
public final class RecordedFleet {

    private final Path directory;
    private final RecordingFacts facts;
    private final Duration tick;
    private final long observedUntilMillis;
    private final List<String> nodes;
    private final Map<String, Integer> index;
    private final List<NodeHistory> histories;
    private final boolean[] failsInData;
    private final SortedMap<String, Long> metricCounts;
    private final long telemetryRecords;
    private final long firstTelemetryMillis;
    private final List<CategorisedFailure> categorisedFailures;
    private final Map<String, long[]> nonZeroTimes;
    private final List<List<LifeEvent>> lifeEvents;
    private final boolean reportsLife;

    /**
     * A failure with its category.
     *
     * @param node     index in {@link #nodes()}
     * @param time     failure time, epoch millis
     * @param category from the event's detail
     */
    record CategorisedFailure(int node, long time, String category) {
    }

    /** A node event that feeds the node-life features, in time order per node. */
    record LifeEvent(NodeLife.Event event, long timeMillis) {
    }

    private RecordedFleet(Path directory, RecordingFacts facts, Duration tick, long observedUntilMillis, List<String> nodes,
                          List<NodeHistory> histories, boolean[] failsInData, SortedMap<String, Long> metricCounts,
                          long telemetryRecords, long firstTelemetryMillis, List<CategorisedFailure> categorisedFailures,
                          Map<String, long[]> nonZeroTimes, List<List<LifeEvent>> lifeEvents, boolean reportsLife) {
        this.directory = directory;
        this.facts = facts;
        this.tick = tick;
        this.observedUntilMillis = observedUntilMillis;
        this.nodes = List.copyOf(nodes);
        this.histories = List.copyOf(histories);
        this.failsInData = failsInData;
        this.metricCounts = Collections.unmodifiableSortedMap(metricCounts);
        this.telemetryRecords = telemetryRecords;
        this.firstTelemetryMillis = firstTelemetryMillis;
        this.categorisedFailures = List.copyOf(categorisedFailures);
        this.nonZeroTimes = Map.copyOf(nonZeroTimes);
        this.lifeEvents = List.copyOf(lifeEvents);
        this.reportsLife = reportsLife;
        this.index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
    }

    /** Reads a recording's manifest and events, and scans its telemetry once for nodes, metrics and time span. */
    public static RecordedFleet open(Path directory) {
        RecordingFacts facts = RecordingFacts.read(directory);
        TreeMap<String, List<HealthEvent>> events = new TreeMap<>();
        long[] latest = {Long.MIN_VALUE};
        List<NodeEvent> categorised = new ArrayList<>();
        TreeMap<String, List<LifeEvent>> life = new TreeMap<>();
        boolean[] lifeReported = {false};
        RecordingReader.forEach(directory, RecordingStream.NODE_EVENTS, NodeEvent.class, e -> {
            latest[0] = Math.max(latest[0], e.getTimestamp().toEpochMilli());
            NodeLife.Event lifeEvent = NodeLife.Event.ofEventType(e.getType().name());
            if (lifeEvent != null) {
                life.computeIfAbsent(e.getNodeId(), n -> new ArrayList<>()).add(new LifeEvent(lifeEvent, e.getTimestamp().toEpochMilli()));
                lifeReported[0] |= lifeEvent != NodeLife.Event.FAILED;
            }
            if (e.getType() == NodeEventType.FAILED && EventCategory.of(e).isPresent()) {
                categorised.add(e);
            }
            HealthEvent health = e.getType() == NodeEventType.FAILED ? HealthEvent.failed(e.getTimestamp().toEpochMilli())
                    : e.getType() == NodeEventType.REPAIRED ? HealthEvent.repaired(e.getTimestamp().toEpochMilli()) : null;
            List<HealthEvent> list = events.computeIfAbsent(e.getNodeId(), n -> new ArrayList<>());
            if (health != null) {
                list.add(health);
            }
        });
        TreeMap<String, Long> metrics = new TreeMap<>();
        TreeMap<String, Boolean> seen = new TreeMap<>();
        Map<String, List<Long>> nonZero = new HashMap<>();
        boolean keepNonZero = !categorised.isEmpty();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0}; // min/max time, min/max tick, count
        RecordingReader.forEach(directory, RecordingStream.TELEMETRY, NodeTelemetry.class, t -> {
            seen.putIfAbsent(t.getNodeId(), Boolean.TRUE);
            t.getMetrics().forEach((name, value) -> {
                if (Double.isFinite(value)) {
                    metrics.merge(name, 1L, Long::sum);
                }
            });
            long time = t.getTimestamp().toEpochMilli();
            span[0] = Math.min(span[0], time);
            span[1] = Math.max(span[1], time);
            span[2] = Math.min(span[2], t.getTick());
            span[3] = Math.max(span[3], t.getTick());
            span[4]++;
            if (keepNonZero && t.getMetrics().values().stream().anyMatch(v -> v != 0 && Double.isFinite(v))) {
                nonZero.computeIfAbsent(t.getNodeId(), n -> new ArrayList<>()).add(time);
            }
        });
        if (span[4] == 0) {
            throw new IllegalArgumentException(directory + " holds no telemetry: nothing to learn from");
        }
        Duration tick = tickLength(facts, span, directory);
        long observedUntil = facts.observedUntil().map(java.time.Instant::toEpochMilli)
                .orElse(Math.max(span[1], latest[0]));
        List<String> nodes = new ArrayList<>(seen.keySet());
        events.keySet().stream().filter(n -> !seen.containsKey(n)).forEach(nodes::add);
        Collections.sort(nodes);
        List<NodeHistory> histories = new ArrayList<>();
        boolean[] fails = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            List<HealthEvent> nodeEvents = events.getOrDefault(nodes.get(i), List.of());
            histories.add(new NodeHistory(nodeEvents));
            fails[i] = nodeEvents.stream().anyMatch(e -> e.kind() == HealthEvent.Kind.FAILED);
        }
        List<CategorisedFailure> failures = categorised.stream().map(e -> new CategorisedFailure(Collections.binarySearch(nodes,
                e.getNodeId()), e.getTimestamp().toEpochMilli(), EventCategory.of(e).orElseThrow())).toList();
        List<List<LifeEvent>> lifeByNode = new ArrayList<>();
        for (String node : nodes) {
            List<LifeEvent> list = new ArrayList<>(life.getOrDefault(node, List.of()));
            list.sort(java.util.Comparator.comparingLong(LifeEvent::timeMillis)); // stable: same-time events keep file order
            lifeByNode.add(list);
        }
        return new RecordedFleet(directory, facts, tick, observedUntil, nodes, histories, fails, metrics, span[4], span[0], failures,
                sortedTimes(nonZero), lifeByNode, lifeReported[0]);
    }

    private static Map<String, long[]> sortedTimes(Map<String, List<Long>> times) {
        Map<String, long[]> sorted = new HashMap<>();
        times.forEach((node, list) -> sorted.put(node, list.stream().mapToLong(Long::longValue).sorted().toArray()));
        return sorted;
    }

    private static Duration tickLength(RecordingFacts facts, long[] span, Path directory) {
        if (facts.tickSeconds().isPresent()) {
            return Duration.ofSeconds(facts.tickSeconds().getAsLong());
        }
        long ticks = span[3] - span[2];
        if (span[2] < 0 || ticks <= 0 || span[1] <= span[0]) {
            throw new IllegalArgumentException(directory + ": the manifest gives no scenario.tickSeconds and the telemetry "
                    + "does not span two ticks, so the tick length is unknown");
        }
        return Duration.ofMillis((span[1] - span[0]) / ticks);
    }

    /** The node's failures, repairs and boots, in time order. */
    List<LifeEvent> lifeEvents(int node) {
        return lifeEvents.get(node);
    }

    /**
     * Whether the recording reports nodes' lives (repairs or boots, not only failures): then node-life features mean
     * something. A source that records only failures (a disk retired at its first failure) gets none.
     */
    public boolean reportsLife() {
        return reportsLife;
    }

    public void forEachTelemetry(Consumer<NodeTelemetry> action) {
        RecordingReader.forEach(directory, RecordingStream.TELEMETRY, NodeTelemetry.class, action);
    }

    public Path directory() {
        return directory;
    }

    public RecordingFacts facts() {
        return facts;
    }

    public Duration tick() {
        return tick;
    }

    /** Failures are known up to here: a window is healthy only if its whole horizon ends by then. */
    public long observedUntilMillis() {
        return observedUntilMillis;
    }

    /** Node ids in name order. */
    public List<String> nodes() {
        return nodes;
    }

    /** Index of a node in {@link #nodes()}, or -1. */
    public int indexOf(String node) {
        return index.getOrDefault(node, -1);
    }

    public NodeHistory history(int node) {
        return histories.get(node);
    }

    /** Whether the node fails anywhere in the recording (what the sampling weights are keyed on). */
    public boolean failsInData(int node) {
        return failsInData[node];
    }

    /** The sampling weight of every example of a node. */
    public double weight(int node) {
        return facts.sampling().forNode(failsInData[node]);
    }

    /** Failures recorded, over all nodes. */
    public long failures() {
        return histories.stream().flatMap(h -> h.events().stream()).filter(e -> e.kind() == HealthEvent.Kind.FAILED).count();
    }

    /** Finite values per metric name over the whole telemetry. */
    public SortedMap<String, Long> metricCounts() {
        return metricCounts;
    }

    public long telemetryRecords() {
        return telemetryRecords;
    }

    /** The time of the earliest telemetry record. */
    public long firstTelemetryMillis() {
        return firstTelemetryMillis;
    }

    /** Failures whose events carry a category, in recording order; empty when none does. */
    List<CategorisedFailure> categorisedFailures() {
        return categorisedFailures;
    }

    /** Whether the node has a telemetry record with a non-zero value stamped within [from, to] (categorised recordings only). */
    boolean nonZeroBetween(int node, long fromMillis, long toMillis) {
        long[] times = nonZeroTimes.get(nodes.get(node));
        if (times == null || fromMillis > toMillis) {
            return false;
        }
        int i = java.util.Arrays.binarySearch(times, fromMillis);
        int at = i >= 0 ? i : -i - 1;
        return at < times.length && times[at] <= toMillis;
    }
}
