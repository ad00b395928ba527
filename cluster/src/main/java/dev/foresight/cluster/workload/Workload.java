package dev.foresight.cluster.workload;

import java.util.List;

/** Where jobs come from. */
public interface Workload {

    /** Jobs submitted at or before {@code timeSeconds} and not returned by an earlier call, in submission order. */
    List<JobSpec> arrivalsUpTo(double timeSeconds);
}
