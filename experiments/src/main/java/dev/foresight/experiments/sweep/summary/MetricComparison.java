package dev.foresight.experiments.sweep.summary;

import dev.foresight.experiments.report.Quantity;
import java.util.List;

/**
 * One figure across a sweep: every policy's values, and each one's paired difference from the reference.
 *
 * @param label "Useful work, core-hours": what tables and charts print
 */
public record MetricComparison(String key, String label, String unit, Quantity.Better better, List<PolicyFigures> policies) {

    public MetricComparison {
        policies = List.copyOf(policies);
    }

    public PolicyFigures policy(String label) {
        return policies.stream().filter(p -> p.policy().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy " + label + " in " + key));
    }
}
