package dev.foresight.streams.lockstep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.PipelineDriver;
import dev.foresight.streams.support.TestSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lockstep contract: a tick goes out whole, after both input lanes closed it, and ends with a streams marker. */
class MarkerPropagationTest {

    @TempDir
    Path stateDir;

    private final Fleet fleet = Fleet.generate(7, 4, 6, TestSettings.TICK, 1000);

    @Test
    void aTickIsReleasedOnlyOnceBothLanesClosedIt() {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir).build())) {
            Fleet.Tick tick = fleet.ticks().get(0);
            tick.telemetry().forEach(pipeline::pipeTelemetry);
            pipeline.pipeTelemetryMarker(tick.tick(), tick.time());

            assertThat(pipeline.features()).as("telemetry lane closed, node-events lane still open").isEmpty();
            assertThat(pipeline.predictions()).isEmpty();

            pipeline.pipeEventsMarker(tick.tick(), tick.time());

            List<TestRecord<String, SpecificRecord>> features = pipeline.features();
            assertThat(features).hasSize(tick.telemetry().size() + 1);
            assertThat(features.subList(0, 4)).allSatisfy(r -> assertThat(r.value()).isInstanceOf(FeatureVector.class));
            assertThat(features.get(4).value()).isEqualTo(streamsMarker(0, tick));
            assertThat(features.get(4).key()).isEqualTo(Stages.MARKER_KEY);

            List<TestRecord<String, SpecificRecord>> predictions = pipeline.predictions();
            assertThat(predictions).hasSize(5);
            assertThat(predictions.subList(0, 4)).allSatisfy(r -> {
                Prediction prediction = (Prediction) r.value();
                assertThat(prediction.getNodeId()).isEqualTo(r.key());
                assertThat(prediction.getModelVersion()).as("no model yet").isEqualTo(-1);
                assertThat(prediction.getProbability()).isZero();
                assertThat(prediction.getAlarm()).isFalse();
            });
            assertThat(predictions.get(4).value()).isEqualTo(streamsMarker(0, tick));
            assertThat(pipeline.training()).extracting(TestRecord::value).containsExactly(streamsMarker(0, tick));
        }
    }

    @Test
    void ticksComeOutInOrderWhenOneLaneRunsAhead() {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir).build())) {
            for (Fleet.Tick tick : fleet.ticks()) {
                tick.telemetry().forEach(pipeline::pipeTelemetry);
                pipeline.pipeTelemetryMarker(tick.tick(), tick.time());
            }
            assertThat(pipeline.features()).isEmpty();
            for (Fleet.Tick tick : fleet.ticks()) {
                pipeline.pipeEventsMarker(tick.tick(), tick.time());
            }

            List<TestRecord<String, SpecificRecord>> predictions = pipeline.predictions();
            List<Long> sequence = new ArrayList<>();
            for (TestRecord<String, SpecificRecord> record : predictions) {
                sequence.add(record.value() instanceof TickMarker m ? -1000 - m.getTick() : ((Prediction) record.value()).getTick());
            }
            List<Long> expected = new ArrayList<>();
            for (Fleet.Tick tick : fleet.ticks()) {
                tick.telemetry().forEach(t -> expected.add(tick.tick()));
                expected.add(-1000 - tick.tick());
            }
            assertThat(sequence).as("each tick's predictions, then its marker").isEqualTo(expected);
        }
    }

    @Test
    void everyOutputTopicGetsOneStreamsMarkerPerTick() {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir).build())) {
            fleet.ticks().forEach(pipeline::pipeTick);

            List<SpecificRecord> expected = fleet.ticks().stream().map(t -> (SpecificRecord) streamsMarker(t.tick(), t)).toList();
            assertThat(markers(pipeline.features())).isEqualTo(expected);
            assertThat(markers(pipeline.training())).isEqualTo(expected);
            assertThat(markers(pipeline.predictions())).isEqualTo(expected);
        }
    }

    @Test
    void aDuplicateMarkerIsDeadLetteredAndChangesNothing() {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir).build())) {
            Fleet.Tick tick = fleet.ticks().get(0);
            pipeline.pipeTick(tick);
            pipeline.features();
            pipeline.pipeTelemetryMarker(tick.tick(), tick.time());

            assertThat(pipeline.deadLetters()).singleElement().satisfies(letter ->
                    assertThat(new String(letter.headers().lastHeader("foresight.error.reason").value()))
                            .isEqualTo("STALE_MARKER"));
            pipeline.pipeTick(fleet.ticks().get(1));
            assertThat(markers(pipeline.features())).containsExactly(streamsMarker(1, fleet.ticks().get(1)));
        }
    }

    private static List<SpecificRecord> markers(List<TestRecord<String, SpecificRecord>> records) {
        return records.stream().map(TestRecord::value).filter(v -> v instanceof TickMarker).toList();
    }

    private static TickMarker streamsMarker(long tick, Fleet.Tick source) {
        return new TickMarker(Stages.STREAMS, tick, 0, 1, source.time());
    }
}
