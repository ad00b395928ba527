package dev.foresight.cluster.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replays a fixed list of jobs (for instance converted from the Standard Workload Format). */
public final class TraceWorkload implements Workload {

    private final List<JobSpec> jobs;
    private int next;

    public TraceWorkload(List<JobSpec> jobs) {
        this.jobs = jobs.stream()
                .sorted(Comparator.comparingDouble(JobSpec::submitAtSeconds).thenComparing(JobSpec::jobId))
                .toList();
    }

    @Override
    public List<JobSpec> arrivalsUpTo(double timeSeconds) {
        List<JobSpec> due = new ArrayList<>();
        while (next < jobs.size() && jobs.get(next).submitAtSeconds() <= timeSeconds) {
            due.add(jobs.get(next++));
        }
        return due;
    }
}
