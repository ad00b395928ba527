package dev.foresight.producers.sim;

import dev.foresight.schemas.Command;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Commands read from the commands topic, per tick, behind the actuator's tick markers. */
public final class KafkaCommandSource implements CommandSource {

    private final TickedTopicReader<Command> reader;
    private final Duration timeout;
    private final BooleanSupplier pipelineHealthy;

    public KafkaCommandSource(TickedTopicReader<Command> reader, Duration timeout, BooleanSupplier pipelineHealthy) {
        this.reader = reader;
        this.timeout = timeout;
        this.pipelineHealthy = pipelineHealthy;
    }

    @Override
    public List<Command> commandsOf(long tick) throws TimeoutException {
        return reader.awaitTick(tick, SimulationDriver.COMMAND_ORDER, timeout, pipelineHealthy);
    }
}
