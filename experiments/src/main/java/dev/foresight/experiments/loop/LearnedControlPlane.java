package dev.foresight.experiments.loop;

import dev.foresight.actuator.app.ActuatorApp;
import dev.foresight.actuator.app.ActuatorAppConfig;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.StreamsSettings;
import java.util.Map;

/** The learned predictor (the Kafka Streams topology) and the actuator app, both on real Kafka. */
public final class LearnedControlPlane implements ControlPlane {

    /** The stage name the topology writes on its prediction markers. */
    public static final String STREAMS_STAGE = "streams";

    private final StreamsSettings streamsSettings;
    private final Map<String, Object> kafka;
    private final ActuatorAppConfig actuatorConfig;
    private StreamsApp streams;
    private ActuatorApp actuator;

    public LearnedControlPlane(StreamsSettings streamsSettings, Map<String, Object> kafka, ActuatorAppConfig actuatorConfig) {
        this.streamsSettings = streamsSettings;
        this.kafka = kafka;
        this.actuatorConfig = actuatorConfig;
    }

    @Override
    public boolean closedLoop() {
        return true;
    }

    @Override
    public boolean producesPredictions() {
        return true;
    }

    @Override
    public void start() {
        streams = StreamsApp.start(streamsSettings, kafka);
        actuator = ActuatorApp.start(actuatorConfig);
    }

    @Override
    public boolean healthy() {
        return streams != null && streams.health().healthy() && actuator != null && actuator.failure().isEmpty();
    }

    @Override
    public String failure() {
        if (streams == null || actuator == null) {
            return "not started";
        }
        if (!streams.health().healthy()) {
            return "streams app " + streams.health().state() + streams.health().failure().map(t -> ": " + t).orElse("");
        }
        return actuator.failure().map(t -> "actuator: " + t).orElse(null);
    }

    @Override
    public void close() {
        if (actuator != null) {
            actuator.close();
        }
        if (streams != null) {
            streams.close();
        }
    }
}
