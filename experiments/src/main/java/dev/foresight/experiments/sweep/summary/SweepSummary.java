package dev.foresight.experiments.sweep.summary;

import dev.foresight.experiments.report.Quantities;
import dev.foresight.experiments.report.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything a sweep found, as one value: a pure function of its runs' figures (never of the order they
 * finished in, nor of the clock), which {@code summary.json} holds and the CSV, the HTML report and the
 * Markdown table are drawn from.
 *
 * @param metrics   accounting figures, the headline first, each with every policy's paired difference from the reference
 * @param predictor predictor figures of the policies that predict, unpaired (the reference makes no predictions)
 */
public record SweepSummary(int format, SweepHeader header, List<MetricComparison> metrics, List<MetricComparison> predictor) {

    public static final int FORMAT = 1;

    /** Figures every run shares by construction; the header gives them once. */
    private static final Set<String> HEADER_FIGURES = Set.of("simulatedHours");
    private static final Set<String> HEADER_PREDICTOR_FIGURES = Set.of("horizonTicks");

    public SweepSummary {
        metrics = List.copyOf(metrics);
        predictor = List.copyOf(predictor);
    }

    public static SweepSummary of(SweepHeader header, List<RunFigures> runs, PercentileBootstrap bootstrap) {
        List<MetricComparison> metrics = new ArrayList<>();
        for (String key : keys(runs, RunFigures::figures, Quantities.RUN, HEADER_FIGURES)) {
            Quantity q = Quantities.run(key).orElse(new Quantity(key, key, "", Quantity.Better.NEITHER));
            metrics.add(compare(header, runs, q, RunFigures::figures, bootstrap, true));
        }
        List<MetricComparison> predictor = new ArrayList<>();
        for (String key : keys(runs, RunFigures::predictor, Quantities.PREDICTOR, HEADER_PREDICTOR_FIGURES)) {
            Quantity q = Quantities.predictor(key).orElse(new Quantity(key, key, "", Quantity.Better.NEITHER));
            predictor.add(compare(header, runs, q, RunFigures::predictor, bootstrap, false));
        }
        return new SweepSummary(FORMAT, header, metrics, predictor);
    }

    public Optional<MetricComparison> metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** Keys in the catalogue's order, then keys the catalogue does not know yet, sorted. */
    private static List<String> keys(List<RunFigures> runs, Function<RunFigures, Map<String, Double>> figures,
                                     List<Quantity> catalogue, Set<String> leftOut) {
        Set<String> present = new TreeSet<>();
        runs.forEach(r -> present.addAll(figures.apply(r).keySet()));
        present.removeAll(leftOut);
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        catalogue.stream().map(Quantity::key).filter(present::contains).forEach(ordered::add);
        ordered.addAll(present);
        return List.copyOf(ordered);
    }

    private static MetricComparison compare(SweepHeader header, List<RunFigures> runs, Quantity quantity,
                                            Function<RunFigures, Map<String, Double>> figures, PercentileBootstrap bootstrap,
                                            boolean paired) {
        List<Double> reference = bySeed(header, runs, header.reference(), quantity.key(), figures);
        List<PolicyFigures> policies = new ArrayList<>();
        for (String policy : header.policies()) {
            List<Double> values = bySeed(header, runs, policy, quantity.key(), figures);
            if (!paired && values.stream().allMatch(v -> v == null)) {
                continue; // a policy without predictions has no predictor figures to show
            }
            PairedDifference difference = paired && !policy.equals(header.reference())
                    ? PairedDifference.of(values, reference, quantity.better(), header.confidence(), bootstrap)
                    : null;
            policies.add(new PolicyFigures(policy, values, mean(values), difference));
        }
        return new MetricComparison(quantity.key(), quantity.label(), quantity.unit(), quantity.better(), policies);
    }

    private static List<Double> bySeed(SweepHeader header, List<RunFigures> runs, String policy, String key,
                                       Function<RunFigures, Map<String, Double>> figures) {
        List<Double> values = new ArrayList<>();
        for (long seed : header.seeds()) {
            Double v = runs.stream().filter(r -> r.seed() == seed && r.policy().equals(policy)).findFirst()
                    .map(r -> figures.apply(r).get(key)).orElse(null);
            values.add(v == null || v.isNaN() ? null : v);
        }
        return java.util.Collections.unmodifiableList(values);
    }

    private static Double mean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
