package dev.foresight.experiments.sweep.summary;

import java.util.List;

/**
 * One policy on one figure across a sweep's seeds.
 *
 * @param bySeed                  the figure under each seed, in the header's order; null where the run has none
 * @param mean                    over the seeds that have it; null when none has
 * @param differenceFromReference null for the reference itself, and for figures compared without pairing
 */
public record PolicyFigures(String policy, List<Double> bySeed, Double mean, PairedDifference differenceFromReference) {}
