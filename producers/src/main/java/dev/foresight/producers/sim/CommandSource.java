package dev.foresight.producers.sim;

import dev.foresight.schemas.Command;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Where the commands decided at a tick come from, once that tick is closed. */
public interface CommandSource {

    /** The commands decided at {@code tick}, in application order; waits until the tick is closed. */
    List<Command> commandsOf(long tick) throws TimeoutException;
}
