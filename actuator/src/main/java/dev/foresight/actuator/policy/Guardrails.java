package dev.foresight.actuator.policy;

import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.GuardrailSettings;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one place every policy's output passes before it may reach the cluster. Decisions are judged in
 * order (earlier ones count against the limits of later ones) and each refused one is kept with the
 * rule that refused it, for the audit trail.
 *
 * <p>Rules:
 * <ul>
 *   <li>at most one command per (kind, subject) per tick;</li>
 *   <li>a migration needs a placed VM that is not migrating already, and a target other than its node
 *       that accepts VMs (powered on, up, not quarantined nor being quarantined or powered off);</li>
 *   <li>never onto a node that is alarmed or whose failure probability is above the risk bound;</li>
 *   <li>never while the VM's job checkpoints (or has a checkpoint pending or decided this tick), and no
 *       checkpoint while one of the job's VMs migrates;</li>
 *   <li>a VM migrates at most once per {@code minTicksBetweenMigrations};</li>
 *   <li>at most {@code maxMigrationsPerNode} migrations in flight touching a node (as source or
 *       target) and {@code maxMigrationsPerCluster} in the cluster, counting those already running;</li>
 *   <li>never power off a node that hosts VMs or is receiving one;</li>
 *   <li>no fault-tolerance action (migration, checkpoint, quarantine) whose expected gain does not
 *       exceed its cost ({@link ActionEconomics}; the policies already ask, this makes it a rule);</li>
 *   <li>at most {@code maxQuarantinedShare} of the nodes quarantined at once (by anyone, counting
 *       quarantines not visible yet), and no quarantine of a node cooling down after this actuator
 *       released it.</li>
 * </ul>
 */
public final class Guardrails {

    /** A decision the guardrails refused, and the rule that refused it. */
    public record Dropped(Decision decision, String reason) {}

    /** The outcome of one pass: what may go on, in the original order, and what may not. */
    public record Verdict(List<Decision> accepted, List<Dropped> dropped) {
        public Verdict {
            accepted = List.copyOf(accepted);
            dropped = List.copyOf(dropped);
        }
    }

    /** The actions weighed by {@link ActionEconomics}; a release is the end of one, and always allowed. */
    private static final Set<CommandKind> FAULT_TOLERANCE = EnumSet.of(CommandKind.MIGRATE, CommandKind.CHECKPOINT,
            CommandKind.QUARANTINE);

    private final GuardrailSettings settings;

    public Guardrails(GuardrailSettings settings) {
        this.settings = settings;
    }

    public Verdict filter(List<Decision> decisions, ViewIndex index, RiskView risk, OperationsView operations) {
        Pass pass = new Pass(index, risk, operations);
        List<Decision> accepted = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Decision decision : decisions) {
            String refusal = pass.refusal(decision);
            if (refusal == null) {
                pass.accept(decision);
                accepted.add(decision);
            } else {
                dropped.add(new Dropped(decision, refusal));
            }
        }
        return new Verdict(accepted, dropped);
    }

    /** The running counts of one filter pass. */
    private final class Pass {
        private final ViewIndex index;
        private final RiskView risk;
        private final OperationsView operations;
        private final Map<String, String> acceptedIds = new HashMap<>();
        private final Set<String> migratingVms = new TreeSet<>();
        private final Map<String, Integer> migrationsPerNode = new TreeMap<>();
        private final Set<String> receivingNodes = new TreeSet<>();
        private final Set<String> jobsMigrating = new HashSet<>();
        private final Set<String> jobsCheckpointing = new HashSet<>();
        private final Set<String> quarantined = new TreeSet<>();

        Pass(ViewIndex index, RiskView risk, OperationsView operations) {
            this.index = index;
            this.risk = risk;
            this.operations = operations;
            for (NodeView node : index.nodes()) {
                if (node.quarantined() || operations.pending(CommandKind.QUARANTINE, node.nodeId())) {
                    quarantined.add(node.nodeId());
                }
            }
            for (NodeView node : index.nodes()) {
                for (VmView vm : node.vms()) {
                    if (vm.migrating()) {
                        migratingVms.add(vm.vmId());
                        migrationsPerNode.merge(node.nodeId(), 1, Integer::sum);
                        jobsMigrating.add(vm.jobId());
                    }
                }
            }
            for (OperationsView.InFlightMigration m : operations.migrationsInFlight()) {
                var placed = index.vm(m.vmId());
                if (placed.isEmpty() || !placed.get().node().nodeId().equals(m.source())) {
                    continue;
                }
                if (migratingVms.add(m.vmId())) {
                    migrationsPerNode.merge(m.source(), 1, Integer::sum);
                }
                migrationsPerNode.merge(m.target(), 1, Integer::sum);
                receivingNodes.add(m.target());
                jobsMigrating.add(placed.get().vm().jobId());
            }
        }

        String refusal(Decision decision) {
            Proposal p = decision.proposal();
            String key = p.kind() + " " + p.subject();
            if (acceptedIds.containsKey(key)) {
                return "duplicate of " + acceptedIds.get(key) + " this tick";
            }
            if (p.economics() != null && FAULT_TOLERANCE.contains(p.kind()) && !p.economics().pays()) {
                return "it does not pay: " + p.economics().describe();
            }
            return switch (p.kind()) {
                case QUARANTINE -> quarantineRefusal(p.subject());
                case MIGRATE -> migrationRefusal(p);
                case CHECKPOINT -> jobsMigrating.contains(p.subject())
                        ? "job " + p.subject() + " has a VM migrating; checkpoint once it has landed"
                        : null;
                case POWER_OFF -> powerOffRefusal(p.subject());
                default -> null;
            };
        }

        private String migrationRefusal(Proposal p) {
            var placed = index.vm(p.subject());
            if (placed.isEmpty()) {
                return "VM " + p.subject() + " is not placed on any node";
            }
            VmView vm = placed.get().vm();
            String source = placed.get().node().nodeId();
            String target = p.target();
            if (target == null || index.node(target).isEmpty()) {
                return "target node " + target + " is unknown";
            }
            if (target.equals(source)) {
                return "target " + target + " is the VM's own node";
            }
            String closed = whyClosed(index.node(target).get());
            if (closed != null) {
                return "target " + target + " accepts no VMs: " + closed;
            }
            if (vm.migrating() || migratingVms.contains(vm.vmId())) {
                return "VM " + vm.vmId() + " is already migrating";
            }
            if (risk.alarmed(target)) {
                return "target " + target + " is alarmed";
            }
            if (risk.probability(target) > risk.settings().riskBound()) {
                return String.format(Locale.ROOT, "target %s failure probability %.3f is above the risk bound %.3f",
                        target, risk.probability(target), risk.settings().riskBound());
            }
            String job = vm.jobId();
            if (index.checkpointing(job) || operations.pending(CommandKind.CHECKPOINT, job) || jobsCheckpointing.contains(job)) {
                return "job " + job + " is checkpointing; its VMs must not move during the checkpoint";
            }
            var last = operations.lastMigrationTick(vm.vmId());
            if (last.isPresent() && index.tick() - last.getAsLong() < settings.minTicksBetweenMigrations()) {
                return "VM " + vm.vmId() + " migrated at tick " + last.getAsLong() + ", less than "
                        + settings.minTicksBetweenMigrations() + " ticks ago";
            }
            for (String node : List.of(source, target)) {
                int count = migrationsPerNode.getOrDefault(node, 0);
                if (count >= settings.maxMigrationsPerNode()) {
                    return "node " + node + " already has " + count + " migration(s) in flight (limit "
                            + settings.maxMigrationsPerNode() + ")";
                }
            }
            if (migratingVms.size() >= settings.maxMigrationsPerCluster()) {
                return "the cluster already has " + migratingVms.size() + " migration(s) in flight (limit "
                        + settings.maxMigrationsPerCluster() + ")";
            }
            return null;
        }

        /** Why the node takes no new VM, or null if it does. */
        private String whyClosed(NodeView node) {
            List<String> why = new ArrayList<>();
            if (node.power() != PowerStatus.ON) {
                why.add(node.power().name());
            }
            if (node.health() == HealthStatus.FAILED || node.health() == HealthStatus.REPAIRING) {
                why.add(node.health().name());
            }
            if (node.quarantined() || operations.pending(CommandKind.QUARANTINE, node.nodeId())) {
                why.add("quarantined");
            }
            if (operations.pending(CommandKind.POWER_OFF, node.nodeId())) {
                why.add("being powered off");
            }
            return why.isEmpty() ? null : String.join(", ", why);
        }

        private String quarantineRefusal(String nodeId) {
            var until = operations.quarantineCoolDownUntil(nodeId);
            if (until.isPresent() && index.tick() < until.getAsLong()) {
                return "node " + nodeId + " cools down after its last quarantine until tick " + until.getAsLong();
            }
            int cap = settings.maxQuarantinedNodes(index.nodes().size());
            if (!quarantined.contains(nodeId) && quarantined.size() >= cap) {
                return String.format(Locale.ROOT, "%d of %d nodes are quarantined already (limit %d, share %.2f)",
                        quarantined.size(), index.nodes().size(), cap, settings.maxQuarantinedShare());
            }
            return null;
        }

        private String powerOffRefusal(String nodeId) {
            var node = index.node(nodeId);
            if (node.isPresent() && !node.get().vms().isEmpty()) {
                return "node " + nodeId + " hosts " + node.get().vms().size() + " VM(s)";
            }
            if (receivingNodes.contains(nodeId)) {
                return "node " + nodeId + " is receiving a migrating VM";
            }
            return null;
        }

        void accept(Decision decision) {
            Proposal p = decision.proposal();
            acceptedIds.put(p.kind() + " " + p.subject(), decision.commandId());
            switch (p.kind()) {
                case MIGRATE -> {
                    var placed = index.vm(p.subject()).orElseThrow();
                    migratingVms.add(p.subject());
                    migrationsPerNode.merge(placed.node().nodeId(), 1, Integer::sum);
                    migrationsPerNode.merge(p.target(), 1, Integer::sum);
                    receivingNodes.add(p.target());
                    jobsMigrating.add(placed.vm().jobId());
                }
                case CHECKPOINT -> jobsCheckpointing.add(p.subject());
                case QUARANTINE -> quarantined.add(p.subject());
                default -> { }
            }
        }
    }
}
