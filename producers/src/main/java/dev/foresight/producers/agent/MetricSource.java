package dev.foresight.producers.agent;

import java.util.Map;

/** One kind of host reading (CPU, memory, sensors, ...). A reading the host lacks is simply not added. */
public interface MetricSource {

    /** Adds this source's current metrics to {@code out}. */
    void collect(Map<String, Double> out);
}
