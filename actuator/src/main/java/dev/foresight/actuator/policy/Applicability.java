package dev.foresight.actuator.policy;

import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import java.util.Optional;

/**
 * Whether a decision approved some ticks after it was made still fits the cluster: the VM may have
 * left, the target filled up, the node changed state. A migration that still fits gets its room
 * reserved in the ledger, ahead of this tick's policies.
 */
public final class Applicability {

    private Applicability() {}

    /** Why the approved decision no longer applies, or null if it still does. */
    public static String whyStale(Proposal p, PlanningContext ctx) {
        Optional<NodeView> node = ctx.index().node(p.subject());
        return switch (p.kind()) {
            case MIGRATE -> migration(p, ctx);
            case CHECKPOINT -> ctx.index().job(p.subject()).map(j -> j.status() == JobStatus.COMPLETED).orElse(false)
                    || ctx.index().vmsOf(p.subject()).isEmpty() ? "job " + p.subject() + " no longer runs" : null;
            case QUARANTINE -> node.isEmpty() ? unknown(p) : node.get().quarantined() ? "node is quarantined already" : null;
            case RELEASE -> node.isEmpty() ? unknown(p) : !node.get().quarantined() ? "node is no longer quarantined" : null;
            case POWER_ON -> node.isEmpty() ? unknown(p)
                    : node.get().power() == PowerStatus.OFF || node.get().power() == PowerStatus.LOW_POWER ? null
                    : "node is " + node.get().power() + " already";
            case POWER_OFF -> node.isEmpty() ? unknown(p)
                    : node.get().power() != PowerStatus.ON ? "node is " + node.get().power() + " already"
                    : !node.get().vms().isEmpty() ? "node hosts VMs again" : null;
        };
    }

    private static String migration(Proposal p, PlanningContext ctx) {
        var placed = ctx.index().vm(p.subject());
        if (placed.isEmpty() || !placed.get().node().nodeId().equals(p.source())) {
            return "VM " + p.subject() + " is no longer on " + p.source();
        }
        var vm = placed.get().vm();
        if (!ctx.ledger().canHost(p.target(), vm.cores(), vm.memoryMb())) {
            return "target " + p.target() + " no longer has room for " + vm.cores() + " cores / " + vm.memoryMb() + " MB";
        }
        ctx.ledger().reserveIncoming(p.target(), vm.cores(), vm.memoryMb());
        return null;
    }

    private static String unknown(Proposal p) {
        return "node " + p.subject() + " is no longer in the cluster view";
    }
}
