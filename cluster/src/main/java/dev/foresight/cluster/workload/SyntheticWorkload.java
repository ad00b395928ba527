package dev.foresight.cluster.workload;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.random.Draws;
import dev.foresight.cluster.random.RandomStreams;
import dev.foresight.cluster.random.RandomStreams.Purpose;
import dev.foresight.cluster.random.StreamRandomGenerator;
import dev.foresight.cluster.scenario.JobSettings;
import dev.foresight.cluster.view.JobKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Poisson arrivals of MPI and throughput jobs, drawn from the workload stream of the seed (so the
 * same jobs arrive whatever the policy does).
 *
 * <p>The arrival rate is set so that the demanded core-hours per hour equal {@code offeredLoad}
 * times the cluster's cores: {@code rate = load * cores / (E[cores per job] * E[runtime])}.
 */
public final class SyntheticWorkload implements Workload {

    /** Jobs shorter than this are rounded up: below a tick, runtimes lose meaning. */
    private static final double MIN_RUNTIME_SECONDS = 60;

    private final Scenario scenario;
    private final JobSettings settings;
    private final SplittableRandom random;
    private final LogNormalDistribution runtimeHours;
    private final double meanGapSeconds;
    private final List<JobSpec> prefill = new ArrayList<>();
    private double nextArrival;
    private int sequence;

    public SyntheticWorkload(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.settings = scenario.jobs();
        StreamRandomGenerator generator = RandomStreams.generator(seed, Purpose.WORKLOAD, 0);
        this.random = generator.stream();
        this.runtimeHours = new LogNormalDistribution(generator, settings.runtime().mu(), settings.runtime().sigma());
        double perHour = settings.arrivals() ? arrivalsPerHour(scenario) : 0;
        this.meanGapSeconds = perHour > 0 ? 3600 / perHour : Double.POSITIVE_INFINITY;
        if (settings.prefill()) {
            double target = settings.offeredLoad() * scenario.totalCores();
            double cores = 0;
            while (cores < target) {
                JobSpec job = draw(0, true);
                if (cores + job.totalCores() > target && cores > 0) {
                    break; // stop just under the target rather than overshoot by a large job
                }
                prefill.add(job);
                cores += job.totalCores();
            }
        }
        this.nextArrival = nextGap();
    }

    /** Poisson rate that makes arriving work equal {@code offeredLoad} of the cluster's cores. */
    public static double arrivalsPerHour(Scenario scenario) {
        JobSettings jobs = scenario.jobs();
        double coresPerVm = jobs.coresPerVm().stream().mapToInt(Integer::intValue).average().orElse(1);
        double coresPerJob = jobs.mpiShare() * jobs.vmsPerMpiJob().mean() * coresPerVm + (1 - jobs.mpiShare()) * coresPerVm;
        return jobs.offeredLoad() * scenario.totalCores() / (coresPerJob * meanRuntimeHours(jobs));
    }

    /** Mean of the log-normal runtime capped at {@code maxRuntimeHours}: E[min(X, c)]. */
    public static double meanRuntimeHours(JobSettings jobs) {
        double mu = jobs.runtime().mu();
        double sigma = jobs.runtime().sigma();
        double c = jobs.maxRuntimeHours();
        double lnC = Math.log(c);
        return Math.exp(mu + sigma * sigma / 2) * normalCdf((lnC - mu - sigma * sigma) / sigma)
                + c * (1 - normalCdf((lnC - mu) / sigma));
    }

    /**
     * The runtime of a job found running at tick 0. A cluster in service holds long jobs more often than they are
     * submitted (a job is running at a given instant with probability proportional to its length), so the prefill
     * draws runtimes length-biased: density x f(x) / E[X] for the capped log-normal, i.e. the cap itself with
     * probability c P(X >= c) / E[min(X, c)], otherwise a log-normal(mu + sigma^2, sigma) below the cap. Drawing
     * them as if just submitted left 40-52 % of a demo cluster idle for its first 18 hours.
     */
    private double lengthBiasedHours() {
        double mu = settings.runtime().mu();
        double sigma = settings.runtime().sigma();
        double cap = settings.maxRuntimeHours();
        double atCap = cap * (1 - normalCdf((Math.log(cap) - mu) / sigma)) / meanRuntimeHours(settings);
        if (random.nextDouble() < atCap) {
            return cap;
        }
        while (true) {
            double hours = Math.exp(mu + sigma * sigma + sigma * random.nextGaussian());
            if (hours < cap) {
                return hours;
            }
        }
    }

    private static double normalCdf(double x) {
        return 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
    }

    @Override
    public List<JobSpec> arrivalsUpTo(double timeSeconds) {
        List<JobSpec> due = new ArrayList<>(prefill);
        prefill.clear();
        while (nextArrival <= timeSeconds) {
            due.add(draw(nextArrival, false));
            nextArrival += nextGap();
        }
        return due;
    }

    private double nextGap() {
        return Double.isInfinite(meanGapSeconds) ? Double.POSITIVE_INFINITY : -meanGapSeconds * Math.log(1 - random.nextDouble());
    }

    /** Always the same draws in the same order per job, so the stream stays aligned. */
    private JobSpec draw(double submitAt, boolean alreadyRunning) {
        boolean mpi = random.nextDouble() < settings.mpiShare();
        int vms = Draws.uniformInt(random, settings.vmsPerMpiJob().min(), settings.vmsPerMpiJob().max());
        int cores = settings.coresPerVm().get(random.nextInt(settings.coresPerVm().size()));
        double perCore = Draws.uniform(random, settings.memoryPerCoreMb().min(), settings.memoryPerCoreMb().max());
        boolean high = random.nextDouble() < settings.highPriorityShare();
        boolean passthrough = random.nextDouble() < settings.passthroughShare();
        double dirty = Draws.uniform(random, settings.dirtyRateMbPerSec().min(), settings.dirtyRateMbPerSec().max());
        double hours = alreadyRunning ? lengthBiasedHours() : Math.min(runtimeHours.sample(), settings.maxRuntimeHours());
        double elapsedShare = random.nextDouble();
        double work = Math.max(MIN_RUNTIME_SECONDS, hours * 3600);
        if (alreadyRunning) {
            // a job found running at tick 0 is, in a stationary cluster, a uniform share of the way through its run
            work = Math.max(MIN_RUNTIME_SECONDS, work * (1 - elapsedShare));
        }
        long memory = Math.max(256, Math.round(cores * perCore / 256.0) * 256);
        memory = Math.min(memory, scenario.node().memoryMb());
        String id = String.format(Locale.ROOT, "job-%06d", ++sequence);
        return new JobSpec(id, mpi ? JobKind.MPI : JobKind.THROUGHPUT, high ? 1 : 0, mpi ? vms : 1, cores, memory,
                mpi && passthrough, dirty, work, submitAt);
    }
}
