package dev.foresight.cluster.engine;

import dev.foresight.cluster.cost.CheckpointCostModel;
import dev.foresight.cluster.schedule.CapacityLedger;
import dev.foresight.cluster.schedule.EasyBackfillScheduler;
import dev.foresight.cluster.schedule.EasyBackfillScheduler.Placement;
import dev.foresight.cluster.schedule.EasyBackfillScheduler.Release;
import dev.foresight.cluster.schedule.EasyBackfillScheduler.Request;
import java.util.ArrayList;
import java.util.List;

/** Feeds the queue and the cluster's free capacity to the scheduler and starts what it places. */
final class SchedulingStep {

    private final ClusterState state;
    private final JobLifecycle lifecycle;
    private final EasyBackfillScheduler scheduler;
    private final CheckpointCostModel checkpoints;
    private final CapacityLedger ledger;

    SchedulingStep(ClusterState state, JobLifecycle lifecycle, CheckpointCostModel checkpoints) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.checkpoints = checkpoints;
        this.scheduler = new EasyBackfillScheduler(state.scenario.scheduler().backfill(), state.scenario.scheduler().backfillDepth());
        this.ledger = new CapacityLedger(state.nodes.length);
    }

    void run(TickContext ctx) {
        if (state.queue.isEmpty()) {
            return;
        }
        for (Node node : state.nodes) {
            ledger.set(node.index, node.acceptsPlacements(), node.freeCores(), node.freeMemoryMb());
        }
        List<Job> queued = new ArrayList<>(state.queue);
        List<Request> requests = new ArrayList<>(queued.size());
        for (Job job : queued) {
            double restart = job.checkpointedSeconds > 0
                    ? checkpoints.restartSeconds(job.spec.kind(), job.spec.vmCount(), job.spec.memoryPerVmMb())
                    : 0;
            requests.add(new Request(job.spec.vmCount(), job.spec.coresPerVm(), job.spec.memoryPerVmMb(),
                    job.remainingWorkSeconds() + restart));
        }
        List<Placement> placements = scheduler.schedule(ctx.startSeconds, ledger, requests, () -> releases(ctx));
        for (Placement placement : placements) {
            lifecycle.start(queued.get(placement.requestIndex()), placement.nodes(), ctx);
        }
    }

    private List<Release> releases(TickContext ctx) {
        double writeRate = checkpoints.vmWriteRateMbPerSec(1);
        List<Release> releases = new ArrayList<>();
        for (Job job : state.jobs.values()) {
            if (!job.placed()) {
                continue;
            }
            double end = ctx.startSeconds + job.estimatedRemainingSeconds(writeRate);
            for (Vm vm : job.vms) {
                releases.add(new Release(end, vm.host.index, vm.cores(), vm.memoryMb()));
            }
        }
        return releases;
    }
}
