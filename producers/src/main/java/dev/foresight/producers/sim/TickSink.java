package dev.foresight.producers.sim;

import dev.foresight.cluster.TickReport;
import dev.foresight.schemas.CommandResult;
import java.util.List;

/** Where the simulator's ticks go: Kafka topics, or the in-process pipeline. */
public interface TickSink {

    /** Publishes a completed tick, plus results for commands refused before they reached the model. */
    void publish(TickReport report, List<CommandResult> extraResults);
}
