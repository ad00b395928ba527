package dev.foresight.cluster.engine;

import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.OutcomeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Moves migrations forward by one tick. Each node has one migration link; the migrations using a
 * node share its bandwidth equally, and a migration runs at the smaller of its two shares. Shares
 * are fixed at the start of the tick. On completion the VM switches to its target and its job
 * stalls for the downtime.
 */
final class MigrationRunner {

    private final ClusterState state;
    private final JobLifecycle lifecycle;
    private final Accounting accounting;
    private final double linkMbPerSec;

    MigrationRunner(ClusterState state, JobLifecycle lifecycle, Accounting accounting) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.accounting = accounting;
        this.linkMbPerSec = state.scenario.migration().linkBandwidthMbPerSec();
    }

    void run(TickContext ctx) {
        List<Migration> active = new ArrayList<>(state.migrations);
        double[] bandwidth = new double[active.size()];
        for (int i = 0; i < active.size(); i++) {
            Migration m = active.get(i);
            bandwidth[i] = Math.min(linkMbPerSec / m.source.linkUsers, linkMbPerSec / m.target.linkUsers);
        }
        for (int i = 0; i < active.size(); i++) {
            Migration m = active.get(i);
            double before = m.transfer.sentMb();
            m.transfer.advance(ctx.seconds(), bandwidth[i]);
            double sent = m.transfer.sentMb() - before;
            m.source.netMb += sent;
            m.target.netMb += sent;
            if (m.transfer.done()) {
                complete(m, ctx);
            }
        }
    }

    private void complete(Migration m, TickContext ctx) {
        lifecycle.detach(m);
        m.source.evict(m.vm);
        m.target.host(m.vm);
        m.vm.job.stallRemaining += m.transfer.downtimeSeconds();
        accounting.migrationsCompleted++;
        ctx.outcome(m.commandId, CommandKind.MIGRATE, m.vm.id, OutcomeStatus.COMPLETED, String.format(Locale.ROOT,
                "%s -> %s: %d pre-copy round(s), %.0f MB sent, downtime %.3f s",
                m.source.id, m.target.id, m.transfer.rounds(), m.transfer.sentMb(), m.transfer.downtimeSeconds()));
    }
}
