package dev.foresight.streams.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.predictor.label.Labeller;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.TickMarker;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.state.StoreFactory;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.ProcessorHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ticks are one minute, the horizon ten. Node A fails at minute 13 and is repaired at minute 16; node B never
 * fails. Each tick feeds what the aligner would: events, then vectors, then the marker.
 */
class LabelProcessorTest {

    @TempDir
    Path stateDir;

    private static final Duration HORIZON = Duration.ofMinutes(10);

    private ProcessorHarness harness(int labelEveryTicks) {
        return harness(labelEveryTicks, Duration.ZERO);
    }

    private ProcessorHarness harness(int labelEveryTicks, Duration earlyMargin) {
        Labeller labeller = new Labeller(LabelPolicy.of(HORIZON).withEarlyMargin(earlyMargin));
        Set<org.apache.kafka.streams.state.StoreBuilder<?>> stores = new HashSet<>(LabelProcessor.stores(new StoreFactory(false, 1 << 20)));
        return new ProcessorHarness(() -> new LabelProcessor(labeller, labelEveryTicks, "training", "trainer"), stores,
                List.of("training", "trainer"), null, stateDir);
    }

    private static void runScenario(ProcessorHarness harness, int ticks) {
        for (int minute = 0; minute < ticks; minute++) {
            Instant time = at(minute);
            if (minute == 13) {
                harness.pipe("node-a", new NodeEvent("node-a", time, (long) minute, NodeEventType.FAILED, "disk", null), time);
            }
            if (minute == 16) {
                harness.pipe("node-a", new NodeEvent("node-a", time, (long) minute, NodeEventType.REPAIRED, null, null), time);
            }
            if (minute == 14) {
                // a powered-off report changes nothing about labels
                harness.pipe("node-b", new NodeEvent("node-b", time, (long) minute, NodeEventType.POWERED_OFF, null, null), time);
            }
            for (String node : List.of("node-a", "node-b")) {
                harness.pipe(node, vector(node, minute), time);
            }
            harness.pipe(Stages.MARKER_KEY, new TickMarker(Stages.STREAMS, (long) minute, 0, 1, time), time);
        }
    }

    @Test
    void windowsBeforeAFailureArePositiveWithTheirLeadTime() {
        try (ProcessorHarness harness = harness(1)) {
            runScenario(harness, 40);
            List<TestRecord<String, SpecificRecord>> training = harness.output("training");
            Map<Long, LabeledExample> nodeA = byTick(training, "node-a");

            for (long minute = 3; minute <= 12; minute++) {
                LabeledExample example = nodeA.get(minute);
                assertThat(example.getFailed()).as("minute %d", minute).isTrue();
                assertThat(example.getLeadTimeMillis()).isEqualTo(Duration.ofMinutes(13 - minute).toMillis());
                assertThat(example.getHorizonMillis()).isEqualTo(HORIZON.toMillis());
            }
            for (long minute = 0; minute <= 2; minute++) {
                assertThat(nodeA.get(minute).getFailed()).as("minute %d: failure beyond the horizon", minute).isFalse();
                assertThat(nodeA.get(minute).getLeadTimeMillis()).isNull();
            }
            assertThat(nodeA).as("windows while down (13..15) are excluded").doesNotContainKeys(13L, 14L, 15L);
            assertThat(nodeA.get(16L).getFailed()).isFalse();
            assertThat(nodeA.get(29L).getFailed()).isFalse();
            assertThat(nodeA).as("minute 30 onwards still inside their horizon").doesNotContainKey(30L);
            assertThat(byTick(training, "node-b")).hasSize(30)
                    .allSatisfy((tick, example) -> assertThat(example.getFailed()).isFalse());
        }
    }

    @Test
    void examplesAreEmittedWhenTheirLabelIsKnownAndMarkersFollowThem() {
        try (ProcessorHarness harness = harness(1)) {
            runScenario(harness, 14);
            List<TestRecord<String, SpecificRecord>> out = harness.output("training");
            // tick 13: the failure resolves node A's windows 3..12 at once, then the watermark B's window 3;
            // A's own window 13 is excluded (down)
            int marker12 = indexOfMarker(out, 12);
            List<SpecificRecord> tick13 = out.subList(marker12 + 1, out.size()).stream().map(TestRecord::value).toList();
            assertThat(tick13).hasSize(10 + 1 + 1);
            assertThat(tick13.subList(0, 10)).allSatisfy(v -> assertThat(((LabeledExample) v).getFailed()).isTrue());
            assertThat(((LabeledExample) tick13.get(10)).getNodeId()).isEqualTo("node-b");
            assertThat(tick13.get(11)).isInstanceOf(TickMarker.class);

            List<TestRecord<String, SpecificRecord>> trainer = harness.output("trainer");
            assertThat(trainer).hasSameSizeAs(out);
            assertThat(trainer).allSatisfy(r -> assertThat(r.key()).as("the lane: this task's partition").isEqualTo("0"));
        }
    }

    @Test
    void windowsWithinTheEarlyMarginBeforeTheHorizonAreLeftOutAndHealthyOnesWaitForTheMargin() {
        try (ProcessorHarness harness = harness(1, Duration.ofMinutes(5))) {
            runScenario(harness, 40);
            List<TestRecord<String, SpecificRecord>> training = harness.output("training");
            Map<Long, LabeledExample> nodeA = byTick(training, "node-a");

            assertThat(nodeA).as("minutes 3..12 positive, as without a margin")
                    .allSatisfy((tick, example) -> assertThat(example.getFailed()).isEqualTo(tick >= 3 && tick <= 12));
            // the failure at 13 lies 11..15 minutes after the windows of minutes -2..2: within H + 5
            assertThat(nodeA).as("windows 0..2 fail within the margin after their horizon").doesNotContainKeys(0L, 1L, 2L);
            assertThat(nodeA.get(16L).getFailed()).isFalse();
            // a healthy window is labelled once H + M = 15 minutes have passed: minute 24 at the last marker (39)
            assertThat(nodeA).containsKey(24L).doesNotContainKey(25L);
            assertThat(byTick(training, "node-b").keySet()).hasSize(25).allSatisfy(tick -> assertThat(tick).isLessThanOrEqualTo(24L));
        }
    }

    @Test
    void onlyEveryNthTickIsLabelled() {
        try (ProcessorHarness harness = harness(5)) {
            runScenario(harness, 40);
            assertThat(byTick(harness.output("training"), "node-b").keySet()).containsExactly(0L, 5L, 10L, 15L, 20L, 25L);
        }
    }

    private static int indexOfMarker(List<TestRecord<String, SpecificRecord>> records, long tick) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() instanceof TickMarker m && m.getTick() == tick) {
                return i;
            }
        }
        throw new AssertionError("no marker for tick " + tick);
    }

    private static Map<Long, LabeledExample> byTick(List<TestRecord<String, SpecificRecord>> records, String node) {
        Map<Long, LabeledExample> byTick = new TreeMap<>();
        for (TestRecord<String, SpecificRecord> record : records) {
            if (record.value() instanceof LabeledExample example && example.getNodeId().equals(node)) {
                assertThat(record.key()).isEqualTo(node);
                assertThat(byTick.put(example.getTick(), example)).as("one example per window").isNull();
            }
        }
        return byTick;
    }

    private static FeatureVector vector(String node, int minute) {
        return new FeatureVector(node, at(minute), (long) minute, List.of("w5m.temp.last"), List.of(50.0 + minute));
    }

    private static Instant at(int minute) {
        return Fleet.START.plus(Duration.ofMinutes(minute));
    }
}
