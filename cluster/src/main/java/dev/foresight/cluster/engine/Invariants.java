package dev.foresight.cluster.engine;

import dev.foresight.cluster.view.PowerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Consistency rules the state must satisfy between ticks; used by tests and debugging. */
final class Invariants {

    private Invariants() {}

    static List<String> violations(ClusterState state) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int[] reservedCores = new int[state.nodes.length];
        long[] reservedMemory = new long[state.nodes.length];
        int[] incoming = new int[state.nodes.length];
        int[] linkUsers = new int[state.nodes.length];
        for (Migration m : state.migrations) {
            reservedCores[m.target.index] += m.vm.cores();
            reservedMemory[m.target.index] += m.vm.memoryMb();
            incoming[m.target.index]++;
            linkUsers[m.source.index]++;
            linkUsers[m.target.index]++;
            if (m.vm.host != m.source) {
                problems.add("migration " + m.commandId + ": " + m.vm.id + " is not on its source " + m.source.id);
            }
            if (m.vm.migration != m) {
                problems.add("migration " + m.commandId + " is not linked from " + m.vm.id);
            }
        }
        for (Node node : state.nodes) {
            int cores = 0;
            long memory = 0;
            for (Vm vm : node.vms) {
                String other = seen.put(vm.id, node.id);
                if (other != null) {
                    problems.add(vm.id + " is on both " + other + " and " + node.id);
                }
                if (vm.host != node) {
                    problems.add(vm.id + " is listed on " + node.id + " but hosted by " + (vm.host == null ? "nothing" : vm.host.id));
                }
                cores += vm.cores();
                memory += vm.memoryMb();
            }
            if (cores != node.usedCores || memory != node.usedMemoryMb) {
                problems.add(node.id + ": used capacity " + node.usedCores + "/" + node.usedMemoryMb + " != its VMs' " + cores + "/" + memory);
            }
            if (node.usedCores + node.reservedCores > node.cores || node.usedMemoryMb + node.reservedMemoryMb > node.memoryMb) {
                problems.add(node.id + ": capacity exceeded");
            }
            if (reservedCores[node.index] != node.reservedCores || reservedMemory[node.index] != node.reservedMemoryMb
                    || incoming[node.index] != node.incomingMigrations || linkUsers[node.index] != node.linkUsers) {
                problems.add(node.id + ": reservations or link users disagree with migrations in flight");
            }
            if (!node.vms.isEmpty() && (node.down() || node.power == PowerStatus.OFF || node.power == PowerStatus.LOW_POWER)) {
                problems.add(node.id + " hosts VMs while " + node.power + "/" + node.health);
            }
        }
        for (Job job : state.jobs.values()) {
            for (Vm vm : job.vms) {
                if (job.placed() != (vm.host != null)) {
                    problems.add(job.id() + " is " + job.status + " but " + vm.id + " is " + (vm.host == null ? "unplaced" : "on " + vm.host.id));
                }
            }
            if (job.placed() == state.queue.contains(job)) {
                problems.add(job.id() + " is " + job.status + " and " + (state.queue.contains(job) ? "" : "not ") + "queued");
            }
            if (job.doneSeconds < job.checkpointedSeconds || job.doneSeconds > job.spec.workSeconds()) {
                problems.add(job.id() + ": progress " + job.doneSeconds + " outside [" + job.checkpointedSeconds + ", " + job.spec.workSeconds() + "]");
            }
        }
        return problems;
    }
}
