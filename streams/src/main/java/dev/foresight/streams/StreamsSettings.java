package dev.foresight.streams;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.calibration.ThresholdCalibrator;
import dev.foresight.predictor.calibration.TimeOrderedSplit;
import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.feature.LoadBaselines;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.predictor.release.ReleasePolicy;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything the streams application can be told, validated in one place. {@link #defaults()} runs on a
 * laptop against the embedded broker; change one setting with {@link #toBuilder()}.
 *
 * @param applicationId          Kafka Streams {@code application.id}: consumer group, prefix of changelog and
 *                               internal topics (default {@value #DEFAULT_APPLICATION_ID})
 * @param topics                 topic prefix, partitions and model size limit of the catalogue
 * @param windows                trailing feature windows (default 10, 30 and 120 minutes)
 * @param metrics                declared metric vocabulary; empty (the default) means open: every metric present
 *                               becomes features, and the trainer freezes its column order at its first example
 * @param horizon                H: a window is positive if its node fails within H after it (default 60 minutes)
 * @param repairGrace            windows ending less than this after a repair are excluded, since their feature
 *                               windows still reach back before the failure (default: the longest window)
 * @param earlyMargin            M: windows whose node fails within (H, H + M] after them are left out of training
 *                               instead of labelled healthy, since a slow precursor already shows in them (default
 *                               {@link LabelPolicy#DEFAULT_EARLY_MARGIN}); they are labelled only after H + M
 * @param labelEveryTicks        only windows of ticks divisible by this become training examples: consecutive
 *                               windows of one node are nearly identical, so this buys the bounded buffer a
 *                               longer memory (default 5; windows without a tick are always labelled)
 * @param trainingPeriodTicks    R: the trainer decides at every tick divisible by R (default 60)
 * @param predictor              algorithm, hyper-parameters and seed of each fit (default random forest with
 *                               capped trees, seed 42)
 * @param targetPrecision        precision the alarm threshold is calibrated for (default 0.8)
 * @param validationFraction     newest share of the training pool used to calibrate the threshold (default 0.3)
 * @param heldOutFraction        newest share of the buffer held out for champion/challenger (default 0.2)
 * @param releaseMargin          PR-AUC by which a challenger must beat the champion (default 0.01)
 * @param minHeldOutPositives    fewer distinct held-out failures than this and nothing is released (default 10)
 * @param modelDelayTicks        D: a model decided at tick k is effective from tick k + D (default 1, at least 1)
 * @param bufferCapacityPerClass examples the trainer keeps per class (default 2000)
 * @param tickLength             simulated time per tick, used only to fill a release's effective time (default 60 s)
 * @param nodeIdPattern          regular expression a node id must match, else the record is dead-lettered as
 *                               UNKNOWN_NODE (default: 1 to 128 letters, digits and {@code . _ : -})
 * @param knownNodes             when not empty, the registry of node ids: any other node is UNKNOWN_NODE
 * @param nonNegativeMetrics     regular expression of metric names that cannot be negative (utilisations,
 *                               counters, Kelvin temperatures, power, fan speeds, rates, counts)
 * @param exactlyOnce            {@code processing.guarantee=exactly_once_v2} (default) or at_least_once
 * @param stateDir               where state stores live (default {@code java.io.tmpdir/foresight-streams})
 * @param streamThreads          Kafka Streams threads (default 1)
 * @param persistentStores       RocksDB stores (default) or in-memory ones; both are changelogged
 * @param publishFeatures        write every feature vector to the features topic, the optional tap for subscribers
 *                               and offline training (default true). Experiments turn it off: at a few KB per node
 *                               and tick it is most of the bytes the topology writes, and nothing in the loop reads it
 * @param loadBaselines          which readings features see as residuals against the node's load, and which (the load
 *                               itself) not at all (default {@link LoadBaselines#hostDefaults()}: an emptied healthy
 *                               node must not look like a failing one)
 * @param nodeLife               feature vectors carry the node's failures in 30 days and hours since its last boot and
 *                               repair, from node events (default true)
 * @param initialModel           a model trained elsewhere (e.g. offline on the fleet's history) that scores from the
 *                               first tick as version 0 and is the trainer's first champion; null (the default) to
 *                               start without a model. Its horizon must be this topology's
 */
public record StreamsSettings(
        String applicationId,
        TopicSettings topics,
        List<Duration> windows,
        SortedSet<String> metrics,
        Duration horizon,
        Duration repairGrace,
        Duration earlyMargin,
        int labelEveryTicks,
        int trainingPeriodTicks,
        PredictorOptions predictor,
        double targetPrecision,
        double validationFraction,
        double heldOutFraction,
        double releaseMargin,
        int minHeldOutPositives,
        int modelDelayTicks,
        int bufferCapacityPerClass,
        Duration tickLength,
        String nodeIdPattern,
        Set<String> knownNodes,
        String nonNegativeMetrics,
        boolean exactlyOnce,
        Path stateDir,
        int streamThreads,
        boolean persistentStores,
        boolean publishFeatures,
        LoadBaselines loadBaselines,
        boolean nodeLife,
        ModelRelease initialModel) {

    public static final String DEFAULT_APPLICATION_ID = "foresight-streams";
    public static final List<Duration> DEFAULT_WINDOWS =
            List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(120));
    public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(60);
    public static final int DEFAULT_LABEL_EVERY_TICKS = 5;
    public static final int DEFAULT_TRAINING_PERIOD_TICKS = 60;
    public static final double DEFAULT_TARGET_PRECISION = 0.8;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.3;
    public static final double DEFAULT_HELD_OUT_FRACTION = 0.2;
    public static final double DEFAULT_RELEASE_MARGIN = ReleasePolicy.defaults().minMargin();
    public static final int DEFAULT_MIN_HELD_OUT_POSITIVES = ReleasePolicy.defaults().minPositives();
    public static final int DEFAULT_MODEL_DELAY_TICKS = 1;
    public static final int DEFAULT_BUFFER_CAPACITY_PER_CLASS = 2000;
    public static final Duration DEFAULT_TICK_LENGTH = Duration.ofSeconds(60);
    public static final String DEFAULT_NODE_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    /** Utilisations, counters, Kelvin, power, fan speed, counts, rates and sizes. */
    public static final String DEFAULT_NON_NEGATIVE_METRICS =
            ".*(_util|_utilisation|_utilization|_pct|_percent|_total|_count|_k|_kelvin|_watts|_w|_rpm|_bps|_mbps|_bytes)";

    public StreamsSettings {
        requireText("applicationId", applicationId);
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("applicationId may hold only letters, digits, '.', '_' and '-': " + applicationId);
        }
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(metrics, "metrics");
        windows = List.copyOf(windows);
        metrics = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(metrics));
        new FeatureSpec(windows, metrics); // validates the windows
        positive("horizon", horizon);
        new LabelPolicy(horizon, repairGrace, earlyMargin); // validates the grace and the margin
        atLeastOne("labelEveryTicks", labelEveryTicks);
        atLeastOne("trainingPeriodTicks", trainingPeriodTicks);
        Objects.requireNonNull(predictor, "predictor");
        new ThresholdCalibrator(targetPrecision, 1.0); // validates the target
        new TimeOrderedSplit(validationFraction, Duration.ZERO);
        new TimeOrderedSplit(heldOutFraction, Duration.ZERO);
        new ReleasePolicy(releaseMargin, minHeldOutPositives);
        atLeastOne("modelDelayTicks", modelDelayTicks);
        atLeastOne("bufferCapacityPerClass", bufferCapacityPerClass);
        positive("tickLength", tickLength);
        compile("nodeIdPattern", nodeIdPattern);
        knownNodes = Set.copyOf(Objects.requireNonNull(knownNodes, "knownNodes"));
        compile("nonNegativeMetrics", nonNegativeMetrics);
        Objects.requireNonNull(stateDir, "stateDir");
        atLeastOne("streamThreads", streamThreads);
        Objects.requireNonNull(loadBaselines, "loadBaselines");
        if (initialModel != null && initialModel.getHorizonMillis() != horizon.toMillis()) {
            throw new IllegalArgumentException("the initial model predicts failures within "
                    + Duration.ofMillis(initialModel.getHorizonMillis()) + ", but this topology labels and scores with a "
                    + "horizon of " + horizon + ": train it for the same horizon, or set the horizon to the model's");
        }
    }

    /** Settings that work on a laptop against the embedded broker. */
    public static StreamsSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The topic names and layouts these settings address. */
    public TopicCatalogue catalogue() {
        return TopicCatalogue.of(topics);
    }

    /** Windows and vocabulary of the feature extractor. */
    public FeatureSpec featureSpec() {
        return new FeatureSpec(windows, metrics, loadBaselines, nodeLife);
    }

    public LabelPolicy labelPolicy() {
        return new LabelPolicy(horizon, repairGrace, earlyMargin);
    }

    public ThresholdCalibrator calibrator() {
        return new ThresholdCalibrator(targetPrecision, 1.0);
    }

    public ReleasePolicy releasePolicy() {
        return new ReleasePolicy(releaseMargin, minHeldOutPositives);
    }

    /** Convenience: the same settings with another topic prefix. */
    public StreamsSettings withTopicPrefix(String prefix) {
        return toBuilder().topics(topics.withPrefix(prefix)).build();
    }

    /** Convenience: the same settings with another learning algorithm (other predictor options kept). */
    public StreamsSettings withAlgorithm(Algorithm algorithm) {
        return toBuilder().predictor(predictor.withAlgorithm(algorithm)).build();
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    private static void compile(String name, String regex) {
        Objects.requireNonNull(regex, name);
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid regular expression: " + e.getMessage(), e);
        }
    }

    /** Mutable builder, starting from the defaults (or from existing settings). */
    public static final class Builder {
        private String applicationId = DEFAULT_APPLICATION_ID;
        private TopicSettings topics = TopicSettings.defaults();
        private List<Duration> windows = DEFAULT_WINDOWS;
        private SortedSet<String> metrics = new TreeSet<>();
        private Duration horizon = DEFAULT_HORIZON;
        private Duration repairGrace;
        private Duration earlyMargin = LabelPolicy.DEFAULT_EARLY_MARGIN;
        private int labelEveryTicks = DEFAULT_LABEL_EVERY_TICKS;
        private int trainingPeriodTicks = DEFAULT_TRAINING_PERIOD_TICKS;
        private PredictorOptions predictor = PredictorOptions.defaults();
        private double targetPrecision = DEFAULT_TARGET_PRECISION;
        private double validationFraction = DEFAULT_VALIDATION_FRACTION;
        private double heldOutFraction = DEFAULT_HELD_OUT_FRACTION;
        private double releaseMargin = DEFAULT_RELEASE_MARGIN;
        private int minHeldOutPositives = DEFAULT_MIN_HELD_OUT_POSITIVES;
        private int modelDelayTicks = DEFAULT_MODEL_DELAY_TICKS;
        private int bufferCapacityPerClass = DEFAULT_BUFFER_CAPACITY_PER_CLASS;
        private Duration tickLength = DEFAULT_TICK_LENGTH;
        private String nodeIdPattern = DEFAULT_NODE_ID_PATTERN;
        private Set<String> knownNodes = Set.of();
        private String nonNegativeMetrics = DEFAULT_NON_NEGATIVE_METRICS;
        private boolean exactlyOnce = true;
        private Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "foresight-streams");
        private int streamThreads = 1;
        private boolean persistentStores = true;
        private boolean publishFeatures = true;
        private LoadBaselines loadBaselines = LoadBaselines.hostDefaults();
        private boolean nodeLife = true;
        private ModelRelease initialModel;

        private Builder() {
        }

        private Builder(StreamsSettings s) {
            applicationId = s.applicationId;
            topics = s.topics;
            windows = s.windows;
            metrics = s.metrics;
            horizon = s.horizon;
            repairGrace = s.repairGrace;
            earlyMargin = s.earlyMargin;
            labelEveryTicks = s.labelEveryTicks;
            trainingPeriodTicks = s.trainingPeriodTicks;
            predictor = s.predictor;
            targetPrecision = s.targetPrecision;
            validationFraction = s.validationFraction;
            heldOutFraction = s.heldOutFraction;
            releaseMargin = s.releaseMargin;
            minHeldOutPositives = s.minHeldOutPositives;
            modelDelayTicks = s.modelDelayTicks;
            bufferCapacityPerClass = s.bufferCapacityPerClass;
            tickLength = s.tickLength;
            nodeIdPattern = s.nodeIdPattern;
            knownNodes = s.knownNodes;
            nonNegativeMetrics = s.nonNegativeMetrics;
            exactlyOnce = s.exactlyOnce;
            stateDir = s.stateDir;
            streamThreads = s.streamThreads;
            persistentStores = s.persistentStores;
            publishFeatures = s.publishFeatures;
            loadBaselines = s.loadBaselines;
            nodeLife = s.nodeLife;
            initialModel = s.initialModel;
        }

        public Builder applicationId(String value) { applicationId = value; return this; }
        public Builder topics(TopicSettings value) { topics = value; return this; }
        public Builder windows(List<Duration> value) { windows = value; return this; }
        public Builder metrics(Set<String> value) { metrics = new TreeSet<>(value); return this; }
        public Builder horizon(Duration value) { horizon = value; return this; }
        /** Leave unset (or set null) for the default: the longest window. */
        public Builder repairGrace(Duration value) { repairGrace = value; return this; }
        public Builder earlyMargin(Duration value) { earlyMargin = value; return this; }
        public Builder labelEveryTicks(int value) { labelEveryTicks = value; return this; }
        public Builder trainingPeriodTicks(int value) { trainingPeriodTicks = value; return this; }
        public Builder predictor(PredictorOptions value) { predictor = value; return this; }
        public Builder targetPrecision(double value) { targetPrecision = value; return this; }
        public Builder validationFraction(double value) { validationFraction = value; return this; }
        public Builder heldOutFraction(double value) { heldOutFraction = value; return this; }
        public Builder releaseMargin(double value) { releaseMargin = value; return this; }
        public Builder minHeldOutPositives(int value) { minHeldOutPositives = value; return this; }
        public Builder modelDelayTicks(int value) { modelDelayTicks = value; return this; }
        public Builder bufferCapacityPerClass(int value) { bufferCapacityPerClass = value; return this; }
        public Builder tickLength(Duration value) { tickLength = value; return this; }
        public Builder nodeIdPattern(String value) { nodeIdPattern = value; return this; }
        public Builder knownNodes(Set<String> value) { knownNodes = value; return this; }
        public Builder nonNegativeMetrics(String value) { nonNegativeMetrics = value; return this; }
        public Builder exactlyOnce(boolean value) { exactlyOnce = value; return this; }
        public Builder stateDir(Path value) { stateDir = value; return this; }
        public Builder streamThreads(int value) { streamThreads = value; return this; }
        public Builder persistentStores(boolean value) { persistentStores = value; return this; }
        public Builder publishFeatures(boolean value) { publishFeatures = value; return this; }
        public Builder loadBaselines(LoadBaselines value) { loadBaselines = value; return this; }
        public Builder nodeLife(boolean value) { nodeLife = value; return this; }
        /** A model to score with from the first tick (version 0), or null. */
        public Builder initialModel(ModelRelease value) { initialModel = value; return this; }

        public StreamsSettings build() {
            Duration grace = repairGrace != null ? repairGrace
                    : windows.stream().max(Duration::compareTo).orElse(Duration.ZERO);
            return new StreamsSettings(applicationId, topics, windows, metrics, horizon, grace, earlyMargin, labelEveryTicks,
                    trainingPeriodTicks, predictor, targetPrecision, validationFraction, heldOutFraction,
                    releaseMargin, minHeldOutPositives, modelDelayTicks, bufferCapacityPerClass, tickLength,
                    nodeIdPattern, knownNodes, nonNegativeMetrics, exactlyOnce, stateDir, streamThreads,
                    persistentStores, publishFeatures, loadBaselines, nodeLife, initialModel);
        }
    }
}
