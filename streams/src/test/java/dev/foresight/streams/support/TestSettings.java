package dev.foresight.streams.support;

import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.feature.LoadBaselines;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Settings sized for tests: minutes-long windows and horizon, small forests, one partition, in-memory stores. */
public final class TestSettings {

    public static final Duration TICK = Duration.ofSeconds(60);

    private TestSettings() {
    }

    public static StreamsSettings.Builder small(Path stateDir) {
        return StreamsSettings.builder()
                .applicationId("streams-test")
                .topics(TopicSettings.defaults().withPartitions(1))
                .windows(List.of(Duration.ofMinutes(5), Duration.ofMinutes(15)))
                .horizon(Duration.ofMinutes(10))
                .labelEveryTicks(1)
                .trainingPeriodTicks(40)
                .bufferCapacityPerClass(400)
                .minHeldOutPositives(3)
                .tickLength(TICK)
                .predictor(PredictorOptions.defaults().withForest(PredictorOptions.Forest.defaults().withTrees(20)))
                .stateDir(stateDir)
                .persistentStores(false)
                // the plain statistics of every reading: the tests' hand-built fleets have no load to explain
                .loadBaselines(LoadBaselines.none())
                .nodeLife(false);
    }
}
