package dev.foresight.cluster.engine;

import dev.foresight.cluster.NodeEventKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.failure.FailureEvent;
import dev.foresight.cluster.failure.FailureProcess;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.PowerStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies the hardware failures and repairs that fall in the tick. A failure takes effect at the
 * start of its tick (so work is lost at tick granularity), kills every VM on the node, rolls each
 * affected job back, and starts the repair. A node shows FAILED in the tick it fails and
 * REPAIRING afterwards; once repaired it boots again unless a policy had powered it off.
 */
final class FailureHandler {

    private final ClusterState state;
    private final FailureProcess failures;
    private final JobLifecycle lifecycle;
    private final Accounting accounting;

    FailureHandler(ClusterState state, FailureProcess failures, JobLifecycle lifecycle, Accounting accounting) {
        this.state = state;
        this.failures = failures;
        this.lifecycle = lifecycle;
        this.accounting = accounting;
    }

    void repairs(TickContext ctx) {
        double bootSeconds = state.scenario.power().bootSeconds();
        for (Node node : state.nodes) {
            if (node.health == HealthStatus.FAILED) {
                node.health = HealthStatus.REPAIRING;
            }
            if (node.health == HealthStatus.REPAIRING && node.repairedAt <= ctx.endSeconds) {
                node.health = HealthStatus.HEALTHY;
                ctx.event(node, NodeEventKind.REPAIRED, null);
                if (node.wantsPower) {
                    node.power = PowerStatus.BOOTING;
                    node.transitionEndsAt = Math.max(node.repairedAt, ctx.startSeconds) + bootSeconds;
                    ctx.event(node, NodeEventKind.POWERED_ON, "booting after repair");
                }
            }
        }
    }

    void failures(TickContext ctx) {
        for (Node node : state.nodes) {
            FailureEvent next = failures.next(node.index);
            if (next != null && next.failAtSeconds() <= ctx.endSeconds && !node.down()) {
                fail(node, failures.take(node.index), ctx);
            }
        }
    }

    private void fail(Node node, FailureEvent event, TickContext ctx) {
        int killed = node.vms.size();
        Set<Job> victims = new LinkedHashSet<>();
        for (Vm vm : node.vms) {
            victims.add(vm.job);
        }
        List<Migration> incoming = new ArrayList<>();
        for (Migration m : state.migrations) {
            if (m.target == node) {
                incoming.add(m);
            }
        }
        for (Migration m : incoming) {
            lifecycle.abortMigration(m, "target " + node.id + " failed; the VM stays on " + m.source.id, ctx);
        }
        for (Job job : victims) {
            lifecycle.rollback(job, node, ctx);
        }
        if (node.powerCommandId != null && (node.power == PowerStatus.BOOTING || node.power == PowerStatus.SHUTTING_DOWN)) {
            CommandKind kind = node.power == PowerStatus.BOOTING ? CommandKind.POWER_ON : CommandKind.POWER_OFF;
            ctx.outcome(node.powerCommandId, kind, node.id, OutcomeStatus.FAILED, node.id + " failed");
        }
        node.powerCommandId = null;
        node.power = PowerStatus.OFF;
        node.health = HealthStatus.FAILED;
        node.repairedAt = event.repairedAtSeconds();
        accounting.failures++;
        accounting.vmsLost += killed;
        if (killed > 0) {
            accounting.failuresWithVictims++;
        }
        String how = event.failureClass().label() + (event.announced()
                ? String.format(Locale.ROOT, ", announced %.0f min before", event.degradationSeconds() / 60)
                : ", sudden");
        ctx.failure(node, event.failureClass().label(), String.format(Locale.ROOT,
                "%s; %d VM(s) of %d job(s) lost; repair %.1f h", how, killed, victims.size(), event.repairSeconds() / 3600));
    }
}
