package dev.foresight.experiments.offline;

import dev.foresight.predictor.evaluation.FailureDetection;
import java.util.Map;

/**
 * How the simplest rule on one counter does on the test slice: alarm while the counter has increased within the
 * longest feature window. A learner that does not beat every such rule on some failure class has not learned what one
 * reading already tells; the table puts that question next to the learner's figures.
 *
 * @param metric     the counter, e.g. {@code ecc_uncorrectable_total}
 * @param feature    the feature the rule reads, e.g. {@code w120m.ecc_uncorrectable_total.delta}
 * @param events     failure- and episode-level counts of the rule's alarms (see {@link FailureDetection})
 * @param byCategory failures detected (an alarm at least the minimum lead before) over failures, per category, for
 *                   recordings whose failures carry one; empty otherwise
 */
public record CounterRule(String metric, String feature, FailureDetection.Point events, Map<String, Caught> byCategory) {

    /** Failures of one category the rule caught, of all of them. */
    public record Caught(int detected, int failures) {
    }

    public CounterRule {
        byCategory = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byCategory));
    }
}
