package dev.foresight.actuator.policy;

import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.VmView;

/**
 * Everything a policy may read when it proposes commands for one tick, plus the {@link CapacityLedger}
 * the policies of the tick share.
 */
public record PlanningContext(
        ViewIndex index,
        RiskView risk,
        ActuatorSettings settings,
        OperationsView operations,
        ReliabilityEstimate reliability,
        CapacityLedger ledger) {

    public static PlanningContext of(ClusterView view, RiskView risk, ActuatorSettings settings,
            OperationsView operations, ReliabilityEstimate reliability) {
        ViewIndex index = ViewIndex.of(view);
        return new PlanningContext(index, risk, settings, operations, reliability, CapacityLedger.of(index, operations));
    }

    public long tick() {
        return index.tick();
    }

    public long tickSeconds() {
        return settings.tickSeconds();
    }

    /**
     * Why the VM cannot be live-migrated now, or null if it can. Shared by every policy so that none
     * proposes a migration the guardrails would refuse for the VM's own sake.
     */
    public String whyImmovable(VmView vm) {
        if (vm.passthrough()) {
            return "passthrough (VMM-bypass) VM cannot be live-migrated";
        }
        if (vm.migrating() || inFlight(vm.vmId())) {
            return "already migrating";
        }
        if (vm.checkpointing() || index.checkpointing(vm.jobId())) {
            return "its job is checkpointing";
        }
        var last = operations.lastMigrationTick(vm.vmId());
        int minInterval = settings.guardrails().minTicksBetweenMigrations();
        if (last.isPresent() && tick() - last.getAsLong() < minInterval) {
            return "migrated at tick " + last.getAsLong() + ", less than " + minInterval + " ticks ago";
        }
        return null;
    }

    public boolean movable(VmView vm) {
        return whyImmovable(vm) == null;
    }

    private boolean inFlight(String vmId) {
        return operations.migrationsInFlight().stream().anyMatch(m -> m.vmId().equals(vmId));
    }
}
