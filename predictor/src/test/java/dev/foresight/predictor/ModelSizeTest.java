package dev.foresight.predictor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.release.ModelCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A released model must fit in one Kafka message (1 MB by default). The forest is the only model
 * whose size grows with the data; its leaf cap is what bounds it.
 */
class ModelSizeTest {

    private static final int ONE_MEGABYTE = 1 << 20;

    @Test
    void defaultForestOnTheFleetIsFarBelowOneMegabyte() {
        byte[] bytes = ModelCodec.encode(Fixtures.model(Algorithm.RANDOM_FOREST));

        System.out.printf("random forest, default options, %d training examples: %,d bytes compressed%n",
                Fixtures.split().train().size(), bytes.length);
        assertThat(bytes.length).isLessThan(ONE_MEGABYTE / 4);
    }

    @Test
    void worstCaseForestStaysBelowOneMegabyte() {
        // pure noise, balanced classes, no class weighting: every tree grows until the leaf cap stops it
        SplittableRandom random = new SplittableRandom(3);
        List<Example> noise = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            double[] features = random.doubles(60).toArray();
            noise.add(random.nextBoolean()
                    ? Example.positive("n" + (i % 50), i, features, 60_000)
                    : Example.negative("n" + (i % 50), i, features));
        }
        PredictorOptions options = PredictorOptions.defaults().withImbalance(PredictorOptions.Imbalance.none());

        byte[] bytes = ModelCodec.encode(FailurePredictor.fit(noise, options));

        System.out.printf("random forest, %d trees x %d leaves at most, noise: %,d bytes compressed%n",
                options.forest().trees(), options.forest().maxNodes(), bytes.length);
        assertThat(bytes.length).isLessThan(ONE_MEGABYTE);
    }
}
