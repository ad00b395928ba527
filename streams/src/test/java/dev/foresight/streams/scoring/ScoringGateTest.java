package dev.foresight.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.release.ModelCodec;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.lockstep.TrainingSchedule;
import dev.foresight.streams.state.StoreFactory;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.ProcessorHarness;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring gate with D = 2: tick j waits for the trainer's marker for j - 2, and uses the newest model
 * effective at j, even when a later model has already arrived.
 */
class ScoringGateTest {

    @TempDir
    Path stateDir;

    private static final int DELAY = 2;
    private static final List<String> NAMES = List.of("w5m.temp.last", "w5m.temp.slope");

    private ProcessorHarness harness() {
        return harness(1);
    }

    private ProcessorHarness harness(int trainingPeriod) {
        return new ProcessorHarness(() -> new ScoringProcessor(DELAY, new TrainingSchedule(trainingPeriod), "predictions"),
                new HashSet<>(ScoringProcessor.stores(new StoreFactory(false, 1 << 24))), List.of("predictions"), null,
                stateDir);
    }

    @Test
    void aTickIsScoredOnlyOnceTheTrainerHasDecidedEveryTickThatCouldAffectIt() {
        try (ProcessorHarness harness = harness()) {
            streamsTick(harness, 0, 70.0);
            streamsTick(harness, 1, 70.0);
            assertThat(predictions(harness)).as("ticks 0 and 1 precede any possible model")
                    .extracting(p -> p.getTick() + ":v" + p.getModelVersion()).containsExactly("0:v-1", "1:v-1");

            streamsTick(harness, 2, 70.0);
            assertThat(harness.output("predictions")).as("tick 2 waits for the trainer's decision at tick 0").isEmpty();

            trainerMarker(harness, 0);
            assertThat(predictions(harness)).extracting(p -> p.getTick() + ":v" + p.getModelVersion()).containsExactly("2:v-1");

            streamsTick(harness, 3, 70.0);
            streamsTick(harness, 4, 70.0);
            streamsTick(harness, 5, 70.0);
            harness.pipe(Stages.MARKER_KEY, release(1, 4), at(1));  // decided at tick 2
            harness.pipe(Stages.MARKER_KEY, release(2, 5), at(1));  // decided at tick 3, already here
            trainerMarker(harness, 1);
            List<TestRecord<String, SpecificRecord>> tick3 = harness.output("predictions");
            assertThat(tick3).extracting(r -> r.value() instanceof TickMarker m ? "marker " + m.getTick()
                    : "v" + ((Prediction) r.value()).getModelVersion()).containsExactly("v-1", "marker 3");

            trainerMarker(harness, 2);
            List<Prediction> tick4 = predictions(harness);
            assertThat(tick4).singleElement().satisfies(p -> {
                assertThat(p.getModelVersion()).as("v1 is effective at 4; v2 only from 5").isEqualTo(1);
                assertThat(p.getProbability()).isGreaterThan(0.5);
                assertThat(p.getAlarm()).isTrue();
            });

            trainerMarker(harness, 3);
            assertThat(predictions(harness)).extracting(Prediction::getModelVersion).containsExactly(2);
        }
    }

    @Test
    void onlyTrainingTicksAreWaitedFor() {
        try (ProcessorHarness harness = harness(10)) {
            for (long tick = 0; tick < 12; tick++) {
                streamsTick(harness, tick, 70.0);
            }
            assertThat(predictions(harness)).as("from tick 2 on, the decision of training tick 0 counts")
                    .extracting(Prediction::getTick).containsExactly(0L, 1L);

            trainerMarker(harness, 0);
            assertThat(predictions(harness)).as("ticks 1..9 are no training ticks: nothing more to wait for")
                    .extracting(Prediction::getTick).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);

            streamsTick(harness, 12, 70.0);
            streamsTick(harness, 13, 70.0);
            assertThat(harness.output("predictions")).as("tick 12 needs the decision of training tick 10").isEmpty();

            trainerMarker(harness, 10);
            assertThat(predictions(harness)).extracting(Prediction::getTick).containsExactly(12L, 13L);
            streamsTick(harness, 14, 70.0);
            assertThat(predictions(harness)).as("an open gate scores as the tick arrives").hasSize(1);
        }
    }

    @Test
    void alarmsFollowTheReleasedThreshold() {
        try (ProcessorHarness harness = harness()) {
            harness.pipe(Stages.MARKER_KEY, release(1, 0), at(0));
            Instant time = at(0);
            harness.pipeOpening(0, time);
            harness.pipe("hot", vector("hot", 0, 75.0), time);
            harness.pipe("cool", vector("cool", 0, 40.0), time);
            harness.pipe(Stages.MARKER_KEY, new TickMarker(Stages.STREAMS, 0L, 0, 1, time), time);

            assertThat(predictions(harness)).extracting(p -> p.getNodeId() + ":" + p.getAlarm())
                    .containsExactly("hot:true", "cool:false");
        }
    }

    /**
     * The backlog stores one feature layout and vectors without names; a vector with another layout arriving
     * while entries wait must still be scored by its own names.
     */
    @Test
    void backloggedVectorsAreScoredByTheirOwnFeatureNames() {
        try (ProcessorHarness harness = harness()) {
            harness.pipe(Stages.MARKER_KEY, release(1, 0), at(0));
            streamsTick(harness, 0, 75.0);
            streamsTick(harness, 1, 75.0);
            streamsTick(harness, 2, 75.0);
            Instant time = at(3);
            harness.pipeOpening(3, time);
            harness.pipe("node-a", new FeatureVector("node-a", time, 3L, List.of(NAMES.get(1), NAMES.get(0)), List.of(0.0, 75.0)), time);
            harness.pipe(Stages.MARKER_KEY, new TickMarker(Stages.STREAMS, 3L, 0, 1, time), time);
            streamsTick(harness, 4, 75.0);
            trainerMarker(harness, 0);
            trainerMarker(harness, 1);
            trainerMarker(harness, 2);

            List<Prediction> predictions = predictions(harness);
            assertThat(predictions).extracting(Prediction::getTick).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(predictions).extracting(Prediction::getModelVersion).containsOnly(1);
            assertThat(predictions.get(0).getProbability()).isGreaterThan(0.5);
            assertThat(predictions).extracting(Prediction::getProbability)
                    .as("ticks 2 to 4 waited in the backlog, tick 3 in another layout").containsOnly(predictions.get(0).getProbability());
        }
    }

    private static void streamsTick(ProcessorHarness harness, long tick, double temperature) {
        Instant time = at(tick);
        harness.pipeOpening(tick, time);
        harness.pipe("node-a", vector("node-a", tick, temperature), time);
        harness.pipe(Stages.MARKER_KEY, new TickMarker(Stages.STREAMS, tick, 0, 1, time), time);
    }

    private static void trainerMarker(ProcessorHarness harness, long tick) {
        harness.pipe(Stages.MARKER_KEY, new TickMarker(Stages.TRAINER, tick, 0, 1, at(tick)), at(tick));
    }

    private static List<Prediction> predictions(ProcessorHarness harness) {
        return harness.output("predictions").stream().map(TestRecord::value)
                .filter(v -> v instanceof Prediction).map(v -> (Prediction) v).toList();
    }

    private static FeatureVector vector(String node, long tick, double temperature) {
        return new FeatureVector(node, at(tick), tick, NAMES, List.of(temperature, 0.0));
    }

    /** A logistic model that alarms on hot nodes, released with threshold 0.5. */
    private static ModelRelease release(int version, long effectiveTick) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean hot = i % 2 == 0;
            examples.add(new Example("n" + i, i * 60_000L, new double[] {hot ? 70 + i % 7 : 45 + i % 5, 0.1 * i},
                    hot, hot ? 60_000L : null, 1.0));
        }
        FailurePredictor model = FailurePredictor.fit(FeatureSchema.of(NAMES), examples,
                PredictorOptions.defaults().withAlgorithm(Algorithm.LOGISTIC_REGRESSION));
        return new ModelRelease(version, model.algorithm().name(), NAMES, 0.5, 600_000L, Map.of("prAuc", 1.0),
                effectiveTick, at(effectiveTick), ModelCodec.ENCODING, ByteBuffer.wrap(ModelCodec.encode(model)), Map.of());
    }

    private static Instant at(long tick) {
        return Fleet.START.plus(Duration.ofMinutes(tick));
    }
}
