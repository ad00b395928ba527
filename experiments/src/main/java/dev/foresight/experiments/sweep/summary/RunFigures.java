package dev.foresight.experiments.sweep.summary;

import java.util.Map;

/**
 * The figures of one run of a sweep, as the summary reads them.
 *
 * @param policy    the policy's label
 * @param figures   accounting figures keyed as {@link dev.foresight.experiments.report.Quantities#RUN} names them
 * @param predictor predictor figures keyed as {@link dev.foresight.experiments.report.Quantities#PREDICTOR}; empty without predictions
 */
public record RunFigures(long seed, String policy, Map<String, Double> figures, Map<String, Double> predictor) {

    public RunFigures {
        figures = Map.copyOf(figures);
        predictor = Map.copyOf(predictor);
    }
}
