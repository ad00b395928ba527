package dev.foresight.streams.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.release.ModelCodec;
import dev.foresight.predictor.release.ModelLimits;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.StreamsSettings;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.lockstep.TrainingSchedule;
import dev.foresight.streams.state.StoreFactory;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.ProcessorHarness;
import dev.foresight.streams.support.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer with two upstream partitions (lanes "0" and "1"), training every 10 ticks, D = 1. Examples are
 * an hour apart per tick, so the one-horizon embargo never bites; failures are the windows whose first
 * feature runs hot.
 */
class TrainerProcessorTest {

    @TempDir
    Path stateDir;

    private static final List<String> NAMES = List.of("w5m.temp.last", "w5m.fan.last");
    private static final int LANES = 2;

    private ProcessorHarness harness(Path dir) {
        StreamsSettings settings = TestSettings.small(dir).trainingPeriodTicks(10).build();
        ModelTrainer trainer = ModelTrainer.from(settings);
        return new ProcessorHarness(() -> new TrainerProcessor(trainer, new TrainingSchedule(10), 1, 400, Duration.ofMinutes(1),
                settings.horizon(), "models", "broadcast"),
                new HashSet<>(TrainerProcessor.stores(new StoreFactory(false, 1 << 24))), List.of("models", "broadcast"),
                null, dir);
    }

    @Test
    void aTickIsDecidedOnlyOnceEveryPartitionClosedIt() {
        try (ProcessorHarness harness = harness(stateDir)) {
            examples(harness, 0, 0);
            marker(harness, 0, 0);
            assertThat(harness.output("broadcast")).isEmpty();
            examples(harness, 0, 1);
            marker(harness, 0, 1);
            assertThat(harness.output("broadcast")).extracting(TestRecord::value).containsExactly(
                    new TickMarker(Stages.TRAINER, 0L, 0, LANES, at(0)),
                    new TickMarker(Stages.TRAINER, 0L, 1, LANES, at(0)));
        }
    }

    @Test
    void aTrainingTickReleasesAModelEffectiveDTicksLater() {
        try (ProcessorHarness harness = harness(stateDir)) {
            feed(harness, 0, 10, true);

            List<TestRecord<String, SpecificRecord>> models = harness.output("models");
            assertThat(models).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo(TrainerProcessor.MODEL_KEY);
                ModelRelease release = (ModelRelease) record.value();
                assertThat(release.getVersion()).isEqualTo(1);
                assertThat(release.getEffectiveTick()).isEqualTo(11L);
                assertThat(release.getEffectiveTime()).isEqualTo(at(10).plus(Duration.ofMinutes(1)));
                assertThat(release.getFeatureNames()).isEqualTo(NAMES);
                assertThat(release.getAlgorithm()).isEqualTo("RANDOM_FOREST");
                assertThat(release.getThreshold()).isBetween(0.0, 1.0);
                assertThat(release.getMetrics()).containsKeys("precision", "recall", "prAuc", "championPrAuc");
                assertThat(release.getPayloadEncoding()).isEqualTo(ModelCodec.ENCODING);
                FailurePredictor model = ModelCodec.decode(TrainerProcessor.bytes(release.getPayload()),
                        new ModelLimits(TopicSettings.DEFAULT_MAX_MODEL_BYTES));
                assertThat(model.probability(new double[] {90, 3000})).isGreaterThan(model.probability(new double[] {40, 3000}));
            });

            List<SpecificRecord> broadcast = harness.output("broadcast").stream().map(TestRecord::value).toList();
            assertThat(broadcast).as("markers at the training ticks 0 and 10 only, and the release").hasSize(2 * LANES + 1);
            assertThat(broadcast.get(LANES)).as("the release precedes the markers of its tick")
                    .isEqualTo(models.get(0).value());
            assertThat(broadcast.subList(LANES + 1, broadcast.size())).containsExactly(
                    new TickMarker(Stages.TRAINER, 10L, 0, LANES, at(10)),
                    new TickMarker(Stages.TRAINER, 10L, 1, LANES, at(10)));
        }
    }

    @Test
    void aChallengerNoBetterThanTheChampionIsNotReleased() {
        try (ProcessorHarness harness = harness(stateDir)) {
            feed(harness, 0, 10, true);
            assertThat(harness.output("models")).hasSize(1);
            harness.output("broadcast");

            feed(harness, 11, 20, false); // no new examples: the tick-20 challenger learns exactly what the champion did

            assertThat(harness.output("models")).isEmpty();
            assertThat(harness.output("broadcast")).extracting(TestRecord::value)
                    .allSatisfy(v -> assertThat(v).isInstanceOf(TickMarker.class))
                    .hasSize(LANES);
        }
    }

    @Test
    void examplesOfLaterTicksDoNotReachAnEarlierTrainingTick() {
        byte[] inOrder;
        try (ProcessorHarness harness = harness(stateDir.resolve("a"))) {
            feed(harness, 0, 10, true);
            inOrder = AvroCodec.encode(harness.output("models").get(0).value());
        }
        try (ProcessorHarness harness = harness(stateDir.resolve("b"))) {
            feed(harness, 0, 9, true);
            examples(harness, 10, 0);
            marker(harness, 10, 0);
            examples(harness, 11, 0); // lane 0 runs ahead into tick 11 before lane 1 closes tick 10
            marker(harness, 11, 0);
            examples(harness, 10, 1);
            marker(harness, 10, 1);
            assertThat(AvroCodec.encode(harness.output("models").get(0).value())).isEqualTo(inOrder);
        }
    }

    private static void feed(ProcessorHarness harness, int from, int to, boolean withExamples) {
        for (int tick = from; tick <= to; tick++) {
            for (int lane = 0; lane < LANES; lane++) {
                if (withExamples) {
                    examples(harness, tick, lane);
                }
                marker(harness, tick, lane);
            }
        }
    }

    /** Six examples per tick and lane, one in three a failure; drawn from (tick, lane) so any order gives the same set. */
    private static void examples(ProcessorHarness harness, int tick, int lane) {
        SplittableRandom random = new SplittableRandom(tick * 31L + lane);
        for (int i = 0; i < 6; i++) {
            boolean failed = i % 3 == 0;
            double temperature = failed ? 75 + random.nextDouble() * 15 : 45 + random.nextDouble() * 25;
            Instant time = Fleet.START.plus(Duration.ofHours(tick)).plusSeconds(lane * 6 + i);
            LabeledExample example = new LabeledExample("node-" + lane + "-" + i, time, (long) tick, NAMES,
                    List.of(temperature, 3000 + random.nextDouble() * 100), failed, 600_000L,
                    failed ? 300_000L : null, 1.0);
            harness.pipe(Integer.toString(lane), example, time);
        }
    }

    private static void marker(ProcessorHarness harness, int tick, int lane) {
        harness.pipe(Stages.MARKER_KEY, new TickMarker(Stages.STREAMS, (long) tick, lane, LANES, at(tick)), at(tick));
    }

    private static Instant at(long tick) {
        return Fleet.START.plus(Duration.ofMinutes(tick));
    }
}
