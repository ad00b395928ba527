package dev.foresight.experiments.sweep.summary;

import java.util.List;

/**
 * What a sweep was: enough to rerun it and to know what its figures are a function of.
 *
 * @param policies      labels, the reference first
 * @param failures      where the failures came from, in words
 * @param code          fingerprint of the code that made the runs
 * @param simulatedHours length of each run
 */
public record SweepHeader(String scenario, String scenarioSha256, List<Long> seeds, List<String> policies, String reference,
                          String engine, boolean consolidation, long horizonTicks, String failures, String code,
                          double simulatedHours, double confidence, int bootstrapResamples, long bootstrapSeed) {

    public SweepHeader {
        seeds = List.copyOf(seeds);
        policies = List.copyOf(policies);
    }
}
