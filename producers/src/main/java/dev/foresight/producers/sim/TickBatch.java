package dev.foresight.producers.sim;

import java.util.List;

/**
 * What a ticked topic released for one tick: the records to use, in their deterministic order, and the
 * records refused on the way (in log order), which the caller must dead-letter: nothing is dropped silently.
 */
public record TickBatch<T>(List<T> records, List<Refusal> refusals) {

    public TickBatch {
        records = List.copyOf(records);
        refusals = List.copyOf(refusals);
    }

    public static <T> TickBatch<T> of(List<T> records) {
        return new TickBatch<>(records, List.of());
    }
}
