package dev.foresight.experiments.sweep.summary;

import dev.foresight.experiments.report.Quantity.Better;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;

/**
 * A policy against the reference on one figure, seed by seed: {@code policy - reference} under each seed
 * (the same failures strike both, so the difference is the policy's doing), and what the seeds say
 * together.
 *
 * @param seeds             seeds with both figures (a seed missing either is left out)
 * @param standardDeviation of the differences (n - 1); NaN below 2 seeds
 * @param wins              seeds where the policy did strictly better; null for a figure no policy should move
 * @param bySeed            the difference under each of the sweep's seeds, in order; null where a figure is missing
 */
public record PairedDifference(int seeds, double mean, double standardDeviation, Interval pairedT, Interval bootstrap,
                               Integer wins, List<Double> bySeed) {

    public static PairedDifference of(List<Double> policy, List<Double> reference, Better better, double confidence,
                                      PercentileBootstrap bootstrap) {
        if (policy.size() != reference.size()) {
            throw new IllegalArgumentException("paired figures need one value per seed on both sides, got "
                    + policy.size() + " and " + reference.size());
        }
        List<Double> bySeed = new ArrayList<>();
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < policy.size(); i++) {
            Double p = policy.get(i);
            Double r = reference.get(i);
            boolean both = p != null && r != null && !p.isNaN() && !r.isNaN();
            bySeed.add(both ? p - r : null);
            if (both) {
                paired.add(p - r);
            }
        }
        double[] d = paired.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = d.length == 0 ? Double.NaN : StatUtils.mean(d);
        double sd = d.length < 2 ? Double.NaN : Math.sqrt(StatUtils.variance(d, mean));
        Integer wins = better == Better.NEITHER ? null : (int) paired.stream().filter(better::strictlyBetter).count();
        return new PairedDifference(d.length, mean, sd, PairedT.meanInterval(d, confidence), bootstrap.meanInterval(d, confidence),
                wins, java.util.Collections.unmodifiableList(bySeed));
    }
}
