package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.Fixtures;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.calibration.ProbabilityScale;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the allowlist and the limits come from: every algorithm's model is read back through a filter that allows
 * everything and records what it is asked about. The largest is the default forest (80 trees x 200 leaves) grown on
 * pure noise, where every tree reaches its leaf cap.
 */
class ModelGraphShapeTest {

    /** What reading one payload asked of the filter. */
    record Shape(int payloadBytes, long depth, long references, long streamBytes, long arrayLength, TreeSet<String> classes) {
    }

    private static final List<Shape> SHAPES = new ArrayList<>();

    @BeforeAll
    static void measureEveryAlgorithm() throws Exception {
        for (Algorithm algorithm : Algorithm.values()) {
            FailurePredictor fleet = Fixtures.model(algorithm);
            SHAPES.add(measure("%s on the fleet".formatted(algorithm), fleet));
            SHAPES.add(measure("%s on the fleet, scaled".formatted(algorithm),
                    fleet.withScale(new ProbabilityScale(1.5, -2.0))));
            SHAPES.add(measure("%s on noise (largest)".formatted(algorithm), onNoise(algorithm, 60)));
            // a schema of one or two columns serialises its names as another list class
            SHAPES.add(measure("%s on noise, 2 features".formatted(algorithm), onNoise(algorithm, 2)));
        }
    }

    @Test
    void theAllowListIsExactlyTheClassesModelsAreMadeOf() {
        TreeSet<String> used = new TreeSet<>();
        SHAPES.forEach(s -> used.addAll(s.classes()));

        assertThat(new TreeSet<>(ModelGraphFilter.MODEL_CLASSES))
                .as("allow what models need, and nothing they do not")
                .isEqualTo(used);
    }

    @Test
    void theLimitsLeaveRoomAboveTheLargestModel() {
        ModelLimits limits = ModelCodecTest.LIMITS;
        long depth = SHAPES.stream().mapToLong(Shape::depth).max().orElseThrow();
        long references = SHAPES.stream().mapToLong(Shape::references).max().orElseThrow();
        long streamBytes = SHAPES.stream().mapToLong(Shape::streamBytes).max().orElseThrow();
        long arrayLength = SHAPES.stream().mapToLong(Shape::arrayLength).max().orElseThrow();
        double expansion = SHAPES.stream().mapToDouble(s -> (double) s.streamBytes() / s.payloadBytes()).max().orElseThrow();

        assertThat(depth * 4).as("depth %d", depth).isLessThanOrEqualTo(ModelLimits.MAX_DEPTH);
        assertThat(arrayLength * 100).as("array length %d", arrayLength).isLessThanOrEqualTo(ModelLimits.MAX_ARRAY_LENGTH);
        assertThat(references * 10).as("references %d", references).isLessThanOrEqualTo(limits.maxReferences());
        assertThat(streamBytes * 10).as("stream bytes %d", streamBytes).isLessThanOrEqualTo(limits.maxStreamBytes());
        assertThat(expansion * 1.5).as("gzip expansion %.2f", expansion).isLessThanOrEqualTo(ModelLimits.MAX_EXPANSION);
        // and so a model as large as the topic allows, of the same make, still decodes
        long bytesPerReference = SHAPES.stream().mapToLong(s -> s.streamBytes() / s.references()).min().orElseThrow();
        assertThat(bytesPerReference).isGreaterThanOrEqualTo(ModelLimits.MIN_BYTES_PER_REFERENCE);
    }

    private static FailurePredictor onNoise(Algorithm algorithm, int featureCount) {
        SplittableRandom random = new SplittableRandom(3);
        List<Example> noise = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            double[] features = random.doubles(featureCount).toArray();
            noise.add(random.nextBoolean()
                    ? Example.positive("n" + (i % 50), i, features, 60_000)
                    : Example.negative("n" + (i % 50), i, features));
        }
        return FailurePredictor.fit(noise, PredictorOptions.defaults().withAlgorithm(algorithm)
                .withImbalance(PredictorOptions.Imbalance.none()));
    }

    private static Shape measure(String name, FailurePredictor model) throws IOException, ClassNotFoundException {
        byte[] payload = ModelCodec.encode(model);
        TreeSet<String> classes = new TreeSet<>();
        long[] max = new long[4];
        ObjectInputFilter recorder = info -> {
            if (info.serialClass() != null) {
                classes.add(info.serialClass().getName());
            }
            max[0] = Math.max(max[0], info.depth());
            max[1] = Math.max(max[1], info.references());
            max[2] = Math.max(max[2], info.streamBytes());
            max[3] = Math.max(max[3], info.arrayLength());
            return ObjectInputFilter.Status.ALLOWED;
        };
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(payload)))) {
            in.setObjectInputFilter(recorder);
            in.readObject();
        }
        Shape shape = new Shape(payload.length, max[0], max[1], max[2], max[3], classes);
        System.out.printf("%-40s payload %,9d B, stream %,9d B, depth %2d, references %,7d, longest array %,5d%n",
                name, shape.payloadBytes(), shape.streamBytes(), shape.depth(), shape.references(), shape.arrayLength());
        return shape;
    }
}
