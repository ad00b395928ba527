package dev.foresight.streams.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.feature.FeatureExtractor;
import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.feature.Features;
import dev.foresight.predictor.feature.Sample;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.state.SortableKeys;
import dev.foresight.streams.state.StoreFactory;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.ProcessorHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureProcessorTest {

    @TempDir
    Path stateDir;

    private static final FeatureSpec SPEC = new FeatureSpec(List.of(Duration.ofMinutes(5), Duration.ofMinutes(15)),
            new TreeSet<>(Set.of("ecc_correctable_total", "temp_cpu_c")));

    private ProcessorHarness harness() {
        return new ProcessorHarness(() -> new FeatureProcessor(SPEC, List.of("vectors"), "dead", "foresight.telemetry",
                "features"), Set.copyOf(FeatureProcessor.stores(new StoreFactory(false, 1 << 20))), List.of("vectors"),
                "dead", stateDir);
    }

    @Test
    void eachSampleYieldsTheNodesFeaturesOverItsTrailingWindows() {
        List<Sample> nodeA = new ArrayList<>();
        try (ProcessorHarness harness = harness()) {
            for (int minute = 0; minute < 30; minute++) {
                Instant time = Fleet.START.plus(Duration.ofMinutes(minute));
                Map<String, Double> a = Map.of("temp_cpu_c", 50.0 + minute, "ecc_correctable_total", 2.0 * minute);
                Map<String, Double> b = Map.of("temp_cpu_c", 70.0 - minute, "ecc_correctable_total", 7.0);
                nodeA.add(Sample.of(time.toEpochMilli(), a));
                harness.pipe("node-a", new NodeTelemetry("node-a", time, (long) minute, a, "test"), time);
                harness.pipe("node-b", new NodeTelemetry("node-b", time, (long) minute, b, "test"), time);
            }

            List<TestRecord<String, SpecificRecord>> vectors = harness.output("vectors");
            assertThat(vectors).hasSize(60);
            FeatureVector last = (FeatureVector) vectors.get(58).value();
            assertThat(vectors.get(58).key()).isEqualTo("node-a");
            assertThat(last.getTick()).isEqualTo(29L);
            Features expected = new FeatureExtractor(SPEC).extract(nodeA, last.getTimestamp().toEpochMilli());
            assertThat(last.getNames()).isEqualTo(expected.names());
            assertThat(last.getValues()).containsExactly(box(expected.values()));
            // the 5-minute window holds minutes 25..29: slope 1 degree per minute, counter delta 8
            assertThat(value(last, "w5m.temp_cpu_c.slope")).isEqualTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(value(last, "w5m.ecc_correctable_total.delta")).isEqualTo(8.0);
            assertThat(value(last, "w15m.temp_cpu_c.min")).isEqualTo(65.0);

            List<String> stored = new ArrayList<>();
            try (var it = harness.store(FeatureProcessor.WINDOWS_STORE).all()) {
                it.forEachRemaining(entry -> stored.add(entry.key));
            }
            assertThat(stored).as("one entry per retained sample: 15 minutes of each node").hasSize(30)
                    .filteredOn(key -> key.startsWith("node-b|")).hasSize(15)
                    .last().isEqualTo("node-b|" + SortableKeys.of(Fleet.START.plus(Duration.ofMinutes(29)).toEpochMilli()));
        }
    }

    @Test
    void windowsRebuiltFromTheStoreAreTheWindowsLiveProcessingBuilt() {
        // a cache of one window: every sample of two interleaved nodes rebuilds its window from the store
        List<Sample> nodeA = new ArrayList<>();
        List<Features> expected = new ArrayList<>();
        try (ProcessorHarness harness = new ProcessorHarness(() -> new FeatureProcessor(SPEC, List.of("vectors"), "dead",
                "foresight.telemetry", "features", 1), Set.copyOf(FeatureProcessor.stores(new StoreFactory(false, 1 << 20))),
                List.of("vectors"), "dead", stateDir)) {
            for (int minute = 0; minute < 40; minute++) {
                Instant time = Fleet.START.plus(Duration.ofMinutes(minute));
                Map<String, Double> a = Map.of("temp_cpu_c", 40.0 + minute * minute % 17, "ecc_correctable_total", 3.0 * minute);
                nodeA.add(Sample.of(time.toEpochMilli(), a));
                expected.add(new FeatureExtractor(SPEC).extract(nodeA, time.toEpochMilli()));
                harness.pipe("node-a", new NodeTelemetry("node-a", time, (long) minute, a, "test"), time);
                harness.pipe("node-b", new NodeTelemetry("node-b", time, (long) minute, Map.of("temp_cpu_c", 1.0), "test"), time);
            }
            List<FeatureVector> vectorsA = harness.output("vectors").stream().map(r -> (FeatureVector) r.value())
                    .filter(v -> v.getNodeId().equals("node-a")).toList();
            assertThat(vectorsA).hasSize(40);
            for (int i = 0; i < 40; i++) {
                assertThat(vectorsA.get(i).getValues()).as("minute %d", i).containsExactly(box(expected.get(i).values()));
            }
        }
    }

    @Test
    void markersPassThroughAfterTheVectors() {
        try (ProcessorHarness harness = harness()) {
            Instant time = Fleet.START;
            harness.pipe("node-a", new NodeTelemetry("node-a", time, 0L, Map.of("temp_cpu_c", 50.0), "test"), time);
            TickMarker marker = new TickMarker(Stages.STREAMS, 0L, 0, 1, time);
            harness.pipe(Stages.MARKER_KEY, marker, time);

            assertThat(harness.output("vectors")).extracting(TestRecord::value)
                    .satisfiesExactly(v -> assertThat(v).isInstanceOf(FeatureVector.class), v -> assertThat(v).isEqualTo(marker));
        }
    }

    @Test
    void aSampleTooOldForTheWindowIsDeadLettered() {
        try (ProcessorHarness harness = harness()) {
            Instant now = Fleet.START.plus(Duration.ofHours(1));
            Instant stale = Fleet.START;
            harness.pipe("node-a", new NodeTelemetry("node-a", now, 60L, Map.of("temp_cpu_c", 50.0), "test"), now);
            harness.pipe("node-a", new NodeTelemetry("node-a", stale, 0L, Map.of("temp_cpu_c", 50.0), "test"), stale);

            assertThat(harness.output("vectors")).hasSize(1);
            assertThat(harness.deadLetters("dead")).singleElement().satisfies(letter -> {
                assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value())).isEqualTo("LATE_SAMPLE");
                assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.MESSAGE).value()))
                        .contains("node-a", "older than its newest sample");
                assertThat(letter.key()).isEqualTo("node-a".getBytes());
            });
        }
    }

    private static double value(FeatureVector vector, String name) {
        return vector.getValues().get(vector.getNames().indexOf(name));
    }

    private static Double[] box(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
