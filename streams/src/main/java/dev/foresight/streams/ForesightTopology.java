package dev.foresight.streams;

import dev.foresight.predictor.label.Labeller;
import dev.foresight.predictor.release.ModelLimits;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.streams.errors.DeadLetter;
import dev.foresight.streams.features.FeatureProcessor;
import dev.foresight.streams.labels.LabelProcessor;
import dev.foresight.streams.lockstep.BroadcastPartitioner;
import dev.foresight.streams.lockstep.Lane;
import dev.foresight.streams.lockstep.MarkerPartitioner;
import dev.foresight.streams.lockstep.SinglePartition;
import dev.foresight.streams.lockstep.TickAligner;
import dev.foresight.streams.lockstep.TrainingSchedule;
import dev.foresight.streams.scoring.ScoringProcessor;
import dev.foresight.streams.state.StoreFactory;
import dev.foresight.streams.training.ModelTrainer;
import dev.foresight.streams.training.TrainerProcessor;
import dev.foresight.streams.validation.InputValidator;
import dev.foresight.streams.validation.RecordRules;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The Foresight topology, as a function of the settings: no I/O here, so tests drive it with
 * {@code TopologyTestDriver} and {@link StreamsApp} wraps it in {@code KafkaStreams}.
 *
 * <pre>
 * sub-topology 0: one task per partition p
 *   telemetry[p] ──▶ validate-telemetry ─┐
 *   node-events[p] ─▶ validate-node-events ┴─▶ align-ticks ──(telemetry, marker)──▶ features ──┬─▶ features-out ─▶ features[p]
 *                       │                      │ │                                             ├─▶ labels ─┬─▶ training-out ─▶ training[p]
 *                       │                      │ └──(node events)─────────────────────────────▶┘           └─▶ trainer-input-out ─▶ [trainer-input, 1 partition]
 *                       │                      └──(tick opening)──────────────────────────────▶ score ◀── model-broadcast-in ◀── [model-broadcast[p]]
 *                       └─▶ dead-letters-out ─▶ dead-letters[p]                    features ──▶ score ─▶ predictions-out ─▶ predictions[p]
 * sub-topology 1: one task
 *   [trainer-input] ──▶ trainer ──┬─▶ models-out ─▶ models (compacted, 1 partition)
 *                                 └─▶ model-broadcast-out ─▶ [model-broadcast], every partition
 * </pre>
 * Dead letters come from the validators, the aligner (stale markers) and the feature processor (late
 * samples). The two topics in brackets belong to the application; see {@link #internalTopics(StreamsSettings)}.
 */
public final class ForesightTopology {

    /** Processor, source and sink names: stable, so a topology description or a restart can refer to them. */
    public static final class Nodes {
        public static final String TELEMETRY_IN = "telemetry-in";
        public static final String NODE_EVENTS_IN = "node-events-in";
        public static final String VALIDATE_TELEMETRY = "validate-telemetry";
        public static final String VALIDATE_NODE_EVENTS = "validate-node-events";
        public static final String ALIGN = "align-ticks";
        public static final String FEATURES = "features";
        public static final String LABELS = "labels";
        public static final String SCORE = "score";
        public static final String TRAINER_IN = "trainer-input-in";
        public static final String TRAINER = "trainer";
        public static final String MODEL_BROADCAST_IN = "model-broadcast-in";
        public static final String FEATURES_OUT = "features-out";
        public static final String TRAINING_OUT = "training-out";
        public static final String TRAINER_INPUT_OUT = "trainer-input-out";
        public static final String MODELS_OUT = "models-out";
        public static final String MODEL_BROADCAST_OUT = "model-broadcast-out";
        public static final String PREDICTIONS_OUT = "predictions-out";
        public static final String DEAD_LETTERS_OUT = "dead-letters-out";

        private Nodes() {
        }
    }

    private ForesightTopology() {
    }

    /** The topology for these settings. */
    public static Topology build(StreamsSettings settings) {
        TopicCatalogue topics = settings.catalogue();
        StoreFactory stores = new StoreFactory(settings.persistentStores(), topics.settings().maxModelBytes());
        ModelLimits modelLimits = new ModelLimits(topics.settings().maxModelBytes());
        RecordRules rules = RecordRules.from(settings);
        Labeller labeller = new Labeller(settings.labelPolicy());
        ModelTrainer trainer = ModelTrainer.from(settings);
        TrainingSchedule schedule = new TrainingSchedule(settings.trainingPeriodTicks());
        AvroSerde<org.apache.avro.specific.SpecificRecord> avro = AvroSerde.any();
        StringSerializer strings = new StringSerializer();

        Topology topology = new Topology();
        topology.addSource(Nodes.TELEMETRY_IN, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.name(TopicRole.TELEMETRY));
        topology.addSource(Nodes.NODE_EVENTS_IN, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.name(TopicRole.NODE_EVENTS));
        topology.addSource(Nodes.TRAINER_IN, new StringDeserializer(), avro, trainerInputTopic(settings));
        topology.addSource(Nodes.MODEL_BROADCAST_IN, new StringDeserializer(), avro, modelBroadcastTopic(settings));

        topology.addProcessor(Nodes.VALIDATE_TELEMETRY, supplier(() -> new InputValidator(Lane.TELEMETRY, rules,
                Nodes.ALIGN, Nodes.DEAD_LETTERS_OUT, Nodes.VALIDATE_TELEMETRY), Set.of()), Nodes.TELEMETRY_IN);
        topology.addProcessor(Nodes.VALIDATE_NODE_EVENTS, supplier(() -> new InputValidator(Lane.NODE_EVENTS, rules,
                Nodes.ALIGN, Nodes.DEAD_LETTERS_OUT, Nodes.VALIDATE_NODE_EVENTS), Set.of()), Nodes.NODE_EVENTS_IN);
        topology.addProcessor(Nodes.ALIGN, supplier(() -> new TickAligner(Nodes.SCORE, Nodes.LABELS, Nodes.FEATURES,
                        Nodes.DEAD_LETTERS_OUT, Nodes.ALIGN), Set.of(TickAligner.inboxStore(stores))),
                Nodes.VALIDATE_TELEMETRY, Nodes.VALIDATE_NODE_EVENTS);
        topology.addProcessor(Nodes.FEATURES, supplier(() -> new FeatureProcessor(settings.featureSpec(),
                        featureOutputs(settings), Nodes.DEAD_LETTERS_OUT,
                        topics.name(TopicRole.TELEMETRY), Nodes.FEATURES), Set.copyOf(FeatureProcessor.stores(stores))),
                Nodes.ALIGN);
        topology.addProcessor(Nodes.LABELS, supplier(() -> new LabelProcessor(labeller, settings.labelEveryTicks(),
                        Nodes.TRAINING_OUT, Nodes.TRAINER_INPUT_OUT), Set.copyOf(LabelProcessor.stores(stores))),
                Nodes.ALIGN, Nodes.FEATURES);
        topology.addProcessor(Nodes.TRAINER, supplier(() -> new TrainerProcessor(trainer, schedule,
                        settings.modelDelayTicks(), settings.bufferCapacityPerClass(), settings.tickLength(),
                        settings.horizon(), Nodes.MODELS_OUT, Nodes.MODEL_BROADCAST_OUT, settings.initialModel(),
                        modelLimits),
                Set.copyOf(TrainerProcessor.stores(stores))), Nodes.TRAINER_IN);
        topology.addProcessor(Nodes.SCORE, supplier(() -> new ScoringProcessor(settings.modelDelayTicks(), schedule,
                        Nodes.PREDICTIONS_OUT, settings.initialModel(), modelLimits), Set.copyOf(ScoringProcessor.stores(stores))),
                Nodes.ALIGN, Nodes.FEATURES, Nodes.MODEL_BROADCAST_IN);

        MarkerPartitioner markers = new MarkerPartitioner();
        topology.addSink(Nodes.FEATURES_OUT, topics.name(TopicRole.FEATURES), strings, avro, markers, Nodes.FEATURES);
        topology.addSink(Nodes.TRAINING_OUT, topics.name(TopicRole.TRAINING), strings, avro, markers, Nodes.LABELS);
        topology.addSink(Nodes.TRAINER_INPUT_OUT, trainerInputTopic(settings), strings, avro, new SinglePartition(),
                Nodes.LABELS);
        topology.addSink(Nodes.MODELS_OUT, topics.name(TopicRole.MODELS), strings, avro, new SinglePartition(),
                Nodes.TRAINER);
        topology.addSink(Nodes.MODEL_BROADCAST_OUT, modelBroadcastTopic(settings), strings, avro,
                new BroadcastPartitioner(), Nodes.TRAINER);
        topology.addSink(Nodes.PREDICTIONS_OUT, topics.name(TopicRole.PREDICTIONS), strings, avro, markers, Nodes.SCORE);
        topology.addSink(Nodes.DEAD_LETTERS_OUT, topics.name(TopicRole.DEAD_LETTERS), new ByteArraySerializer(),
                new DeadLetter.ValueSerializer(), new DeadLetter.SourcePartitioner(),
                Nodes.VALIDATE_TELEMETRY, Nodes.VALIDATE_NODE_EVENTS, Nodes.ALIGN, Nodes.FEATURES);
        return topology;
    }

    /** Where feature vectors go: labels and scoring always, the features topic when the tap is on. */
    private static List<String> featureOutputs(StreamsSettings settings) {
        return settings.publishFeatures()
                ? List.of(Nodes.FEATURES_OUT, Nodes.LABELS, Nodes.SCORE)
                : List.of(Nodes.LABELS, Nodes.SCORE);
    }

    /** The one-partition topic that carries every partition's examples and markers to the trainer. */
    public static String trainerInputTopic(StreamsSettings settings) {
        return settings.topics().prefix() + settings.applicationId() + "-trainer-input";
    }

    /** The co-partitioned topic that carries model releases and trainer markers to every scoring task. */
    public static String modelBroadcastTopic(StreamsSettings settings) {
        return settings.topics().prefix() + settings.applicationId() + "-model-broadcast";
    }

    /**
     * The application's own topics, which must exist before it starts ({@link StreamsApp} creates them).
     * Retention is by size only: records carry simulated timestamps, and each is read once, promptly.
     */
    public static List<NewTopic> internalTopics(StreamsSettings settings) {
        Map<String, String> configs = new TreeMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        configs.put(TopicConfig.RETENTION_BYTES_CONFIG, Long.toString(1L << 30));
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");
        Map<String, String> broadcast = new TreeMap<>(configs);
        broadcast.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(settings.topics().maxModelBytes()));
        short replication = settings.topics().replicationFactor();
        return List.of(
                new NewTopic(trainerInputTopic(settings), 1, replication).configs(configs),
                new NewTopic(modelBroadcastTopic(settings), settings.topics().partitions(), replication).configs(broadcast));
    }

    private static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> supplier(
            Supplier<Processor<KIn, VIn, KOut, VOut>> factory, Collection<? extends StoreBuilder<?>> stores) {
        Set<StoreBuilder<?>> declared = Set.copyOf(stores);
        return new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return factory.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return declared;
            }
        };
    }
}
