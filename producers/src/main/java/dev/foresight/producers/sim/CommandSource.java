package dev.foresight.producers.sim;

import dev.foresight.schemas.Command;
import java.util.concurrent.TimeoutException;

/** Where the commands decided at a tick come from, once that tick is closed. */
public interface CommandSource {

    /**
     * The commands decided at {@code tick}, in application order, and the records refused on the way
     * (to dead-letter, and to answer with REJECTED where a command id is readable); waits until the tick is closed.
     */
    TickBatch<Command> commandsOf(long tick) throws TimeoutException;
}
