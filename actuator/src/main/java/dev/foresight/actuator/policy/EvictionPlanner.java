package dev.foresight.actuator.policy;

import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds few migrations that free room for a number of VM slots of one size.
 *
 * <p>Per node, the search is exact when the node holds at most {@value #EXACT_LIMIT} movable VMs: it
 * tries eviction sets in increasing size and keeps the first whose VMs all find a home elsewhere.
 * Larger nodes evict their biggest VMs first. Across nodes it is greedy: each round clears the node
 * with the fewest migrations per slot gained ("closest to fitting"), ties going to more slots, then
 * node id. So the plan is optimal for a job that needs one slot (throughput jobs), and close to it
 * otherwise.
 *
 * <p>Slots that are already free are held for the job before the search, so no evicted VM is ever
 * moved into room the job was going to use.
 */
final class EvictionPlanner {

    static final int EXACT_LIMIT = 12;
    private static final int FEASIBILITY_TRIES_PER_GAIN = 64;

    /** One VM to move out of the way. */
    record Eviction(VmView vm, String source, String target) {}

    /** Evictions that free {@code slotsGained} slots on {@code nodeId}. */
    record NodePlan(String nodeId, List<Eviction> evictions, int slotsGained) {}

    private EvictionPlanner() {}

    /**
     * A plan freeing {@code slotsNeeded} slots of {@code cores} x {@code memoryMb} beyond those free
     * now, with at most {@code maxMigrations} migrations. On success the ledger holds the room of the
     * moved VMs on their targets and the cleared nodes are claimed; on failure the ledger is as before.
     */
    static Optional<List<NodePlan>> plan(int slotsNeeded, int cores, long memoryMb, int maxMigrations, PlanningContext ctx) {
        CapacityLedger ledger = ctx.ledger();
        int start = ledger.mark();
        List<NodePlan> plans = new ArrayList<>();
        int migrations = 0;
        int remaining = slotsNeeded;
        while (remaining > 0) {
            Optional<NodePlan> best = Optional.empty();
            for (String nodeId : ledger.usableNodes()) {
                if (!ctx.risk().safeTarget(nodeId)) {
                    continue; // the job itself should not start on a node about to fail
                }
                Optional<NodePlan> candidate = bestFor(nodeId, remaining, cores, memoryMb, ctx);
                if (candidate.isPresent() && (best.isEmpty() || better(candidate.get(), best.get()))) {
                    best = candidate;
                }
            }
            if (best.isEmpty() || migrations + best.get().evictions().size() > maxMigrations) {
                ledger.rollback(start);
                return Optional.empty();
            }
            NodePlan chosen = best.get();
            ledger.claim(chosen.nodeId());
            for (Eviction eviction : chosen.evictions()) {
                ledger.reserveIncoming(eviction.target(), eviction.vm().cores(), eviction.vm().memoryMb());
            }
            plans.add(chosen);
            migrations += chosen.evictions().size();
            remaining -= chosen.slotsGained();
        }
        return Optional.of(plans);
    }

    private static boolean better(NodePlan a, NodePlan b) {
        // fewer migrations per slot, compared without division: a.e / a.g < b.e / b.g
        long left = (long) a.evictions().size() * b.slotsGained();
        long right = (long) b.evictions().size() * a.slotsGained();
        if (left != right) {
            return left < right;
        }
        if (a.slotsGained() != b.slotsGained()) {
            return a.slotsGained() > b.slotsGained();
        }
        return a.nodeId().compareTo(b.nodeId()) < 0;
    }

    /** The cheapest plan for this node over every useful gain, or empty if nothing can be freed. */
    private static Optional<NodePlan> bestFor(String nodeId, int remaining, int cores, long memoryMb, PlanningContext ctx) {
        NodeView node = ctx.index().node(nodeId).orElseThrow();
        List<VmView> movable = node.vms().stream()
                .filter(ctx::movable)
                .sorted(Comparator.comparingInt(VmView::cores).reversed()
                        .thenComparing(Comparator.comparingLong(VmView::memoryMb).reversed())
                        .thenComparing(VmView::vmId))
                .toList();
        if (movable.isEmpty()) {
            return Optional.empty();
        }
        long freeCores = ctx.ledger().freeCores(nodeId);
        long freeMemory = ctx.ledger().freeMemoryMb(nodeId);
        long allCores = freeCores + movable.stream().mapToLong(VmView::cores).sum();
        long allMemory = freeMemory + movable.stream().mapToLong(VmView::memoryMb).sum();
        int have = (int) Math.min(freeCores / cores, freeMemory / memoryMb);
        int maxGain = (int) Math.min(allCores / cores, allMemory / memoryMb) - have;
        Optional<NodePlan> best = Optional.empty();
        for (int gain = 1; gain <= Math.min(remaining, maxGain); gain++) {
            long needCores = (long) (have + gain) * cores;
            long needMemory = (long) (have + gain) * memoryMb;
            Optional<List<Eviction>> evictions = movable.size() <= EXACT_LIMIT
                    ? smallestFeasible(node, movable, freeCores, freeMemory, needCores, needMemory, ctx)
                    : largestFirst(node, movable, freeCores, freeMemory, needCores, needMemory, ctx);
            if (evictions.isPresent()) {
                NodePlan plan = new NodePlan(nodeId, evictions.get(), gain);
                if (best.isEmpty() || better(plan, best.get())) {
                    best = Optional.of(plan);
                }
            }
        }
        return best;
    }

    private static Optional<List<Eviction>> smallestFeasible(NodeView node, List<VmView> movable, long freeCores,
            long freeMemory, long needCores, long needMemory, PlanningContext ctx) {
        int n = movable.size();
        int tries = 0;
        for (int size = 1; size <= n; size++) {
            for (int[] combination : combinations(n, size)) {
                long cores = freeCores;
                long memory = freeMemory;
                List<VmView> chosen = new ArrayList<>(size);
                for (int i : combination) {
                    cores += movable.get(i).cores();
                    memory += movable.get(i).memoryMb();
                    chosen.add(movable.get(i));
                }
                if (cores < needCores || memory < needMemory) {
                    continue;
                }
                Optional<List<Eviction>> homes = homesFor(node, chosen, ctx);
                if (homes.isPresent()) {
                    return homes;
                }
                if (++tries >= FEASIBILITY_TRIES_PER_GAIN) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Eviction>> largestFirst(NodeView node, List<VmView> movable, long freeCores,
            long freeMemory, long needCores, long needMemory, PlanningContext ctx) {
        long cores = freeCores;
        long memory = freeMemory;
        List<VmView> chosen = new ArrayList<>();
        for (VmView vm : movable) {
            chosen.add(vm);
            cores += vm.cores();
            memory += vm.memoryMb();
            if (cores >= needCores && memory >= needMemory) {
                return homesFor(node, chosen, ctx);
            }
        }
        return Optional.empty();
    }

    /** Targets for every VM (biggest first, best fit), or empty; the ledger is left as it was. */
    private static Optional<List<Eviction>> homesFor(NodeView node, List<VmView> vms, PlanningContext ctx) {
        CapacityLedger ledger = ctx.ledger();
        int mark = ledger.mark();
        ledger.claim(node.nodeId());
        try {
            List<Eviction> evictions = new ArrayList<>(vms.size());
            for (VmView vm : vms) {
                var target = Placement.packingTarget(vm, node.nodeId(), ledger.usableNodes(), ctx);
                if (target.isEmpty()) {
                    return Optional.empty();
                }
                ledger.reserveIncoming(target.get(), vm.cores(), vm.memoryMb());
                evictions.add(new Eviction(vm, node.nodeId(), target.get()));
            }
            return Optional.of(evictions);
        } finally {
            ledger.rollback(mark);
        }
    }

    /** Index combinations of {@code size} out of {@code n}, in lexicographic order. */
    private static List<int[]> combinations(int n, int size) {
        List<int[]> all = new ArrayList<>();
        int[] current = new int[size];
        for (int i = 0; i < size; i++) {
            current[i] = i;
        }
        while (true) {
            all.add(current.clone());
            int i = size - 1;
            while (i >= 0 && current[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return all;
            }
            current[i]++;
            for (int j = i + 1; j < size; j++) {
                current[j] = current[j - 1] + 1;
            }
        }
    }
}
