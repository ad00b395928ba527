package dev.foresight.cluster.failure;

import dev.foresight.cluster.random.StreamRandomGenerator;
import dev.foresight.cluster.scenario.FailureSettings;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;

/**
 * A node's failures as a renewal process: Weibull time to failure counted from the end of the
 * previous repair, log-normal repair time.
 *
 * <p>The process starts one mean life before tick 0 and failures before tick 0 are dropped. With a
 * shape below 1, starting every node brand new would put a burst of early failures in the first
 * hours of every run; the warm-up spreads node ages as in a cluster that has been in service.
 */
final class WeibullRenewalSource implements FailureSource {

    private final int nodeIndex;
    private final StreamRandomGenerator random;
    private final WeibullDistribution timeToFailure;
    private final LogNormalDistribution repairHours;
    private final FailureMarks marks;
    private double clock;
    private FailureEvent next;

    WeibullRenewalSource(int nodeIndex, FailureSettings settings, StreamRandomGenerator random) {
        this.nodeIndex = nodeIndex;
        this.random = random;
        this.timeToFailure = new WeibullDistribution(random, settings.weibull().shape(), settings.weibull().scaleHours() * 3600);
        this.repairHours = new LogNormalDistribution(random, settings.repair().mu(), settings.repair().sigma());
        this.marks = new FailureMarks(settings);
        this.clock = -settings.weibull().meanHours() * 3600;
        do {
            next = draw();
            clock = next.repairedAtSeconds();
        } while (next.failAtSeconds() < 0);
    }

    private FailureEvent draw() {
        double failAt = clock + timeToFailure.sample();
        double repair = repairHours.sample() * 3600;
        // a repaired node starts clean: the next failure's precursors cannot start before the repair ended
        return marks.mark(nodeIndex, failAt, repair, random.stream()).withDegradationAtMost(failAt - clock);
    }

    @Override
    public FailureEvent peek() {
        return next;
    }

    @Override
    public FailureEvent poll() {
        FailureEvent current = next;
        next = draw();
        clock = next.repairedAtSeconds();
        return current;
    }
}
