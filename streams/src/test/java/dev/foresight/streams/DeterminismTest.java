package dev.foresight.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.release.ModelCodec;
import dev.foresight.predictor.release.ModelLimits;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.PipelineDriver;
import dev.foresight.streams.support.TestSettings;
import dev.foresight.streams.training.ModelTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run is a pure function of its input: same input, same bytes out, however the lanes interleave. */
class DeterminismTest {

    @TempDir
    Path stateDir;

    private static final Fleet FLEET = Fleet.generate(11, 16, 200, TestSettings.TICK, 60);

    @Test
    void twoRunsOverTheSameInputWriteIdenticalRecords() {
        Outputs first = run(stateDir.resolve("a"), pipeline -> FLEET.ticks().forEach(pipeline::pipeTick));
        Outputs second = run(stateDir.resolve("b"), pipeline -> FLEET.ticks().forEach(pipeline::pipeTick));

        assertThat(first.models()).as("the fleet must be rich enough to release models").isNotEmpty();
        assertThat(first.predictions().stream().anyMatch(p -> p.contains("version=1"))).isTrue();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theOrderInWhichLanesMeetDoesNotChangeTheOutput() {
        Outputs inOrder = run(stateDir.resolve("a"), pipeline -> FLEET.ticks().forEach(pipeline::pipeTick));
        // events lane three ticks behind the telemetry lane, markers and data interleaved differently
        Outputs skewed = run(stateDir.resolve("b"), pipeline -> {
            List<Fleet.Tick> ticks = FLEET.ticks();
            for (int i = 0; i < ticks.size() + 3; i++) {
                if (i < ticks.size()) {
                    Fleet.Tick tick = ticks.get(i);
                    tick.telemetry().forEach(pipeline::pipeTelemetry);
                    pipeline.pipeTelemetryMarker(tick.tick(), tick.time());
                }
                if (i >= 3) {
                    Fleet.Tick late = ticks.get(i - 3);
                    late.events().forEach(pipeline::pipeEvent);
                    pipeline.pipeEventsMarker(late.tick(), late.time());
                }
            }
        });
        assertThat(skewed).isEqualTo(inOrder);
    }

    @Test
    void sameExamplesAndSeedGiveTheSameModelBytesAndPredictions() {
        StreamsSettings settings = TestSettings.small(stateDir).build();
        Outputs run = run(stateDir.resolve("a"), pipeline -> FLEET.ticks().forEach(pipeline::pipeTick));
        List<LabeledExample> labeled = run.examples();
        FeatureSchema schema = FeatureSchema.of(labeled.get(0).getNames());
        List<Example> examples = labeled.stream().map(DeterminismTest::toExample).toList();

        ModelTrainer.Outcome a = ModelTrainer.from(settings).train(schema, examples, null);
        List<Example> reversed = new ArrayList<>(examples);
        Collections.reverse(reversed);
        ModelTrainer.Outcome b = ModelTrainer.from(settings).train(schema, reversed, null);

        assertThat(a.challenger()).isNotNull();
        assertThat(ModelCodec.encode(b.challenger())).isEqualTo(ModelCodec.encode(a.challenger()));
        assertThat(b.calibration()).isEqualTo(a.calibration());
        FailurePredictor decoded = ModelCodec.decode(ModelCodec.encode(a.challenger()),
                new ModelLimits(TopicSettings.DEFAULT_MAX_MODEL_BYTES));
        assertThat(decoded.probabilities(examples)).isEqualTo(a.challenger().probabilities(examples));
    }

    /** Everything a run wrote, rendered to comparable strings (model payloads as hex). */
    record Outputs(List<String> features, List<String> training, List<String> predictions, List<String> models,
                   List<LabeledExample> examples) {
    }

    private Outputs run(Path dir, Consumer<PipelineDriver> feed) {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(dir).build())) {
            feed.accept(pipeline);
            List<TestRecord<String, SpecificRecord>> training = pipeline.training();
            return new Outputs(render(pipeline.features()), render(training), render(pipeline.predictions()),
                    render(pipeline.models()),
                    training.stream().map(TestRecord::value).filter(v -> v instanceof LabeledExample)
                            .map(v -> (LabeledExample) v).toList());
        }
    }

    private static List<String> render(List<TestRecord<String, SpecificRecord>> records) {
        return records.stream().map(r -> r.key() + "@" + r.timestamp() + "=" + describe(r.value())).toList();
    }

    private static String describe(SpecificRecord value) {
        if (value instanceof ModelRelease release) {
            return release + " payload=" + HexFormat.of().formatHex(AvroCodec.encode(release));
        }
        if (value instanceof Prediction p) {
            return "prediction " + p.getNodeId() + " tick=" + p.getTick() + " p=" + p.getProbability()
                    + " alarm=" + p.getAlarm() + " version=" + p.getModelVersion();
        }
        return value.toString();
    }

    private static Example toExample(LabeledExample labeled) {
        double[] values = labeled.getValues().stream().mapToDouble(Double::doubleValue).toArray();
        return new Example(labeled.getNodeId(), labeled.getTimestamp().toEpochMilli(), values, labeled.getFailed(),
                labeled.getLeadTimeMillis(), labeled.getWeight());
    }
}
