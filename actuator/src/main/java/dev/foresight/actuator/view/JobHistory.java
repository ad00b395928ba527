package dev.foresight.actuator.view;

import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.PlacedVm;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the cluster-state topic reveals about jobs over time, which no single NodeState carries: when
 * a job was first seen running (standing in for its start), and the last tick one of its VMs was seen
 * checkpointing. A checkpoint shorter than a tick is never seen; the actuator remembers the ones it
 * orders itself separately.
 */
public final class JobHistory {

    /** Per job: first tick seen placed, last tick seen checkpointing (-1 if never). */
    public record Seen(long firstSeenTick, long lastCheckpointTick) {}

    private final Map<String, Seen> jobs = new TreeMap<>();

    /** Updates from the states of one tick and forgets jobs no longer placed anywhere. */
    public void observe(long tick, Iterable<NodeState> states) {
        Set<String> present = new TreeSet<>();
        for (NodeState state : states) {
            for (PlacedVm vm : state.getVms()) {
                String jobId = vm.getJobId();
                present.add(jobId);
                Seen seen = jobs.getOrDefault(jobId, new Seen(tick, -1));
                if (vm.getCheckpointing()) {
                    seen = new Seen(seen.firstSeenTick(), tick);
                }
                jobs.put(jobId, seen);
            }
        }
        jobs.keySet().retainAll(present);
    }

    public Seen seen(String jobId, long tick) {
        return jobs.getOrDefault(jobId, new Seen(tick, -1));
    }

    public Map<String, Seen> snapshot() {
        return new TreeMap<>(jobs);
    }

    public static JobHistory restore(Map<String, Seen> saved) {
        JobHistory history = new JobHistory();
        history.jobs.putAll(saved);
        return history;
    }
}
