package dev.foresight.producers.sim;

import dev.foresight.schemas.Command;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Commands read from the commands topic, per tick, behind the actuator's tick markers. */
public final class KafkaCommandSource implements CommandSource {

    /** The stage whose markers close a tick of the commands topic. */
    public static final String ACTUATOR_STAGE = "actuator";

    private final TickedTopicReader<Command> reader;
    private final Duration timeout;
    private final BooleanSupplier pipelineHealthy;

    public KafkaCommandSource(TickedTopicReader<Command> reader, Duration timeout, BooleanSupplier pipelineHealthy) {
        this.reader = reader;
        this.timeout = timeout;
        this.pipelineHealthy = pipelineHealthy;
    }

    /**
     * A reader of the commands topic that refuses what cannot be a command ({@link CommandScreen}) instead
     * of stopping on it: the simulator must outlive any record written there.
     */
    public static TickedTopicReader<Command> reader(Map<String, Object> clientProperties, String commandsTopic) {
        return new TickedTopicReader<>(clientProperties, commandsTopic, new CommandScreen(ACTUATOR_STAGE));
    }

    @Override
    public TickBatch<Command> commandsOf(long tick) throws TimeoutException {
        return reader.awaitBatch(tick, SimulationDriver.COMMAND_ORDER, timeout, pipelineHealthy);
    }
}
