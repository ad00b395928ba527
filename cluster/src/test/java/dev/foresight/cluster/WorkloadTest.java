package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.workload.JobSpec;
import dev.foresight.cluster.workload.SyntheticWorkload;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void theArrivalRateDeliversTheOfferedLoad() {
        Scenario scenario = ScenarioLoader.parse("nodes: 128\nracks: 4\njobs: {offeredLoad: 0.7, prefill: false}\n", "load");
        SyntheticWorkload workload = new SyntheticWorkload(scenario, 8);

        List<JobSpec> jobs = workload.arrivalsUpTo(2_000 * 3600.0);
        double coreHours = jobs.stream().mapToDouble(j -> j.totalCores() * j.workSeconds() / 3600).sum();

        // over 2,000 h the demanded core-hours per hour converge on 0.7 of 4,096 cores
        assertThat(coreHours / 2_000 / scenario.totalCores()).isCloseTo(0.7, within(0.07));
        assertThat(jobs).extracting(JobSpec::submitAtSeconds).isSorted();
        double mpiShare = jobs.stream().filter(j -> j.kind() == JobKind.MPI).count() / (double) jobs.size();
        assertThat(mpiShare).isCloseTo(0.6, within(0.03));
        assertThat(jobs).filteredOn(j -> j.kind() == JobKind.THROUGHPUT).allSatisfy(j -> {
            assertThat(j.vmCount()).isEqualTo(1);
            assertThat(j.passthrough()).isFalse();
        });
    }

    @Test
    void theCappedMeanRuntimeMatchesSampling() {
        Scenario scenario = ScenarioLoader.parse("jobs: {runtime: {mu: 1.0, sigma: 1.2}, maxRuntimeHours: 10}\n", "cap");

        double mean = SyntheticWorkload.meanRuntimeHours(scenario.jobs());
        List<JobSpec> jobs = new SyntheticWorkload(scenario.withJobs(scenario.jobs()), 3).arrivalsUpTo(5_000 * 3600.0)
                .stream().filter(j -> j.submitAtSeconds() > 0).toList();
        double sampled = jobs.stream().mapToDouble(j -> j.workSeconds() / 3600).average().orElseThrow();

        assertThat(jobs.size()).isGreaterThan(5_000);
        assertThat(sampled).isCloseTo(mean, within(0.05 * mean));
        assertThat(mean).isLessThan(Math.exp(1.0 + 1.2 * 1.2 / 2));
    }

    @Test
    void prefillStartsTheClusterBusy() {
        ClusterSimulation sim = ClusterSimulation.create(ScenarioLoader.builtIn("default"), 1);

        TickReport first = sim.advance();

        assertThat(first.accounting().busyCores() / (double) (256 * 32)).isBetween(0.7, 0.8);
        assertThat(first.accounting().queuedJobs()).isZero();
    }

    @Test
    void aPrefilledClusterStaysAsBusyAsItsSteadyState() {
        // jobs found running at tick 0 are drawn length-biased: without that the short ones ended within hours and the
        // demo cluster ran 40-52 % idle for its first 18 hours
        ClusterSimulation sim = ClusterSimulation.create(ScenarioLoader.builtIn("demo"), 1);
        double early = 0;
        double late = 0;
        for (int tick = 0; tick < 48 * 60; tick++) {
            double busy = sim.advance().accounting().busyCores() / (double) (64 * 32);
            if (tick < 18 * 60) {
                early += busy / (18 * 60);
            } else if (tick >= 24 * 60) {
                late += busy / (24 * 60);
            }
        }

        assertThat(early).as("busy share of cores in the first 18 h").isCloseTo(late, within(0.1));
    }
}
