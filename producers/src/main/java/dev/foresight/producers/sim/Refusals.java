package dev.foresight.producers.sim;

import dev.foresight.schemas.CommandResult;
import java.util.List;

/**
 * What the simulator refused before the cluster model saw it, published with the tick the refused
 * commands were due at.
 *
 * @param results     REJECTED results, for commands whose id could be read
 * @param deadLetters records to put on the dead-letter topic, in log order
 */
public record Refusals(List<CommandResult> results, List<Refusal> deadLetters) {

    public static final Refusals NONE = new Refusals(List.of(), List.of());

    public Refusals {
        results = List.copyOf(results);
        deadLetters = List.copyOf(deadLetters);
    }
}
