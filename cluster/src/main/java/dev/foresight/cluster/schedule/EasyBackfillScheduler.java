package dev.foresight.cluster.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * FCFS with EASY backfilling (Lifka 1995), over first-fit VM placement.
 *
 * <p>Jobs start in queue order while they fit. The first job that does not fit gets a reservation
 * at its shadow time: the earliest time at which, by the running jobs' estimated ends, enough
 * resources free up for it. Later jobs may then start ("backfill") if they fit now and either end
 * before the shadow time or leave enough room for the reserved job at the shadow time. If the
 * blocked job could not fit even when everything running has ended (nodes off or failed), there is
 * nothing to protect and backfilling is unrestricted.
 *
 * <p>Runtime estimates are the jobs' true remaining work: the simulator knows them, and perfect
 * estimates keep the scheduler out of the way of the effects being studied.
 */
public final class EasyBackfillScheduler {

    /** A queued job: {@code vmCount} identical VMs. */
    public record Request(int vmCount, int coresPerVm, long memoryPerVmMb, double estimatedRuntimeSeconds) {}

    /** Resources a running VM will give back at its job's estimated end. */
    public record Release(double atSeconds, int node, int cores, long memoryMb) {}

    /** Request {@code requestIndex} starts now with VM i on {@code nodes[i]}. */
    public record Placement(int requestIndex, int[] nodes) {}

    private final boolean backfill;
    private final int backfillDepth;

    public EasyBackfillScheduler(boolean backfill, int backfillDepth) {
        this.backfill = backfill;
        this.backfillDepth = backfillDepth;
    }

    /**
     * @param queue in priority-then-arrival order
     * @param ledger free capacity now; placements are taken from it
     * @param releases asked for only when a job blocks
     */
    public List<Placement> schedule(double now, CapacityLedger ledger, List<Request> queue, Supplier<List<Release>> releases) {
        List<Placement> placements = new ArrayList<>();
        Reservation reservation = null;
        int considered = 0;
        for (int i = 0; i < queue.size(); i++) {
            Request job = queue.get(i);
            if (reservation == null) {
                int[] nodes = ledger.firstFit(job.vmCount(), job.coresPerVm(), job.memoryPerVmMb());
                if (nodes != null) {
                    ledger.take(nodes, job.coresPerVm(), job.memoryPerVmMb());
                    placements.add(new Placement(i, nodes));
                    continue;
                }
                if (!backfill) {
                    break;
                }
                reservation = reserve(job, ledger, releases.get(), placements, queue, now);
                continue;
            }
            if (considered++ >= backfillDepth) {
                break;
            }
            int[] nodes = ledger.firstFit(job.vmCount(), job.coresPerVm(), job.memoryPerVmMb());
            if (nodes == null || !reservation.allows(now, job, nodes)) {
                continue;
            }
            ledger.take(nodes, job.coresPerVm(), job.memoryPerVmMb());
            placements.add(new Placement(i, nodes));
        }
        return placements;
    }

    /**
     * Finds the head job's shadow time by handing back running jobs' resources in order of estimated
     * end, counting the head's VM slots incrementally so each release costs O(1). Everything released
     * at the shadow time counts, not only the release that made the head fit.
     */
    private Reservation reserve(Request head, CapacityLedger now, List<Release> running, List<Placement> startedThisPass,
            List<Request> queue, double time) {
        List<Release> releases = new ArrayList<>(running);
        for (Placement p : startedThisPass) {
            Request started = queue.get(p.requestIndex());
            for (int node : p.nodes()) {
                releases.add(new Release(time + started.estimatedRuntimeSeconds(), node, started.coresPerVm(),
                        started.memoryPerVmMb()));
            }
        }
        releases.sort(Comparator.comparingDouble(Release::atSeconds).thenComparingInt(Release::node));
        CapacityLedger shadow = now.copy();
        long slots = shadow.totalSlots(head.coresPerVm(), head.memoryPerVmMb());
        for (int i = 0; i < releases.size(); i++) {
            Release r = releases.get(i);
            int before = shadow.slots(r.node(), head.coresPerVm(), head.memoryPerVmMb());
            shadow.give(r.node(), r.cores(), r.memoryMb());
            slots += shadow.slots(r.node(), head.coresPerVm(), head.memoryPerVmMb()) - before;
            boolean lastAtThisTime = i + 1 == releases.size() || releases.get(i + 1).atSeconds() > r.atSeconds();
            if (slots >= head.vmCount() && lastAtThisTime) {
                return new Reservation(r.atSeconds(), shadow, head);
            }
        }
        return Reservation.NONE;
    }

    /**
     * The head job's reservation: its shadow time and the capacity expected free at that time. A
     * backfilled job that runs past the shadow time holds its resources then too, so it is admitted
     * only if the head still fits in what remains.
     */
    private static final class Reservation {

        static final Reservation NONE = new Reservation(Double.POSITIVE_INFINITY, null, null);

        private final double shadowTime;
        private final CapacityLedger atShadowTime;
        private final Request head;

        Reservation(double shadowTime, CapacityLedger atShadowTime, Request head) {
            this.shadowTime = shadowTime;
            this.atShadowTime = atShadowTime;
            this.head = head;
        }

        boolean allows(double now, Request job, int[] nodes) {
            if (atShadowTime == null || now + job.estimatedRuntimeSeconds() <= shadowTime) {
                return true;
            }
            if (!atShadowTime.canTake(nodes, job.coresPerVm(), job.memoryPerVmMb())) {
                return false;
            }
            atShadowTime.take(nodes, job.coresPerVm(), job.memoryPerVmMb());
            if (atShadowTime.firstFit(head.vmCount(), head.coresPerVm(), head.memoryPerVmMb()) != null) {
                return true;
            }
            for (int node : nodes) {
                atShadowTime.give(node, job.coresPerVm(), job.memoryPerVmMb());
            }
            return false;
        }
    }
}
