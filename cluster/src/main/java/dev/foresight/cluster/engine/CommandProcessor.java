package dev.foresight.cluster.engine;

import dev.foresight.cluster.NodeEventKind;
import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.cost.MigrationModel;
import dev.foresight.cluster.scenario.PowerSettings;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.PowerStatus;
import java.util.Locale;

/**
 * Validates a command against the current state and, if it is valid, applies it. Validation
 * happens entirely before the first change, so a rejected command leaves the state untouched.
 */
final class CommandProcessor {

    /** Thrown by a check; carries the rejection reason. */
    private static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;

        Rejection(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ClusterState state;
    private final JobLifecycle lifecycle;
    private final MigrationModel migrations;
    private final PowerSettings power;

    CommandProcessor(ClusterState state, JobLifecycle lifecycle, MigrationModel migrations) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.migrations = migrations;
        this.power = state.scenario.power();
    }

    CommandOutcome apply(ClusterCommand command, TickContext ctx) {
        OutcomeStatus status;
        String note = null;
        try {
            if (command.kind() == null) {
                throw new Rejection("command kind is missing");
            }
            if (command.subject() == null || command.subject().isBlank()) {
                throw new Rejection(command.kind() + " needs a subject");
            }
            status = switch (command.kind()) {
                case MIGRATE -> migrate(command, ctx);
                case CHECKPOINT -> checkpoint(command, ctx);
                case POWER_OFF -> powerOff(command, ctx);
                case POWER_ON -> powerOn(command, ctx);
                case QUARANTINE -> quarantine(command, ctx, true);
                case RELEASE -> quarantine(command, ctx, false);
            };
        } catch (Rejection rejection) {
            status = OutcomeStatus.REJECTED;
            note = rejection.getMessage();
        }
        CommandOutcome outcome = new CommandOutcome(command.commandId(), command.kind(), command.subject(), status, note, ctx.tick);
        ctx.outcomes.add(outcome);
        return outcome;
    }

    private OutcomeStatus migrate(ClusterCommand command, TickContext ctx) throws Rejection {
        Vm vm = state.vmsById.get(command.subject());
        if (vm == null) {
            int vmSuffix = command.subject().lastIndexOf("-vm-");
            boolean finished = vmSuffix > 0 && state.completedJobIds.contains(command.subject().substring(0, vmSuffix));
            throw new Rejection(finished
                    ? "VM " + command.subject() + " has ended with its job"
                    : "unknown VM '" + command.subject() + "'");
        }
        if (command.target() == null || command.target().isBlank()) {
            throw new Rejection("MIGRATE needs a target node");
        }
        if (vm.host == null) {
            throw new Rejection("VM " + vm.id + " is not running (job " + vm.job.id() + " is queued)");
        }
        if (vm.job.spec.passthrough()) {
            throw new Rejection("VM " + vm.id + " uses passthrough (VMM-bypass) and cannot be live-migrated; checkpoint job "
                    + vm.job.id() + " instead");
        }
        if (vm.migration != null) {
            throw new Rejection("VM " + vm.id + " is already migrating to " + vm.migration.target.id);
        }
        if (vm.job.checkpoint != null) {
            throw new Rejection("job " + vm.job.id() + " of VM " + vm.id + " is checkpointing");
        }
        Node target = state.nodesById.get(command.target());
        if (target == null) {
            throw new Rejection("unknown target node '" + command.target() + "'");
        }
        Node source = vm.host;
        if (target == source) {
            throw new Rejection("VM " + vm.id + " already runs on " + target.id);
        }
        requireUsableTarget(target);
        if (!target.fits(vm.cores(), vm.memoryMb())) {
            throw new Rejection(String.format(Locale.ROOT,
                    "target %s lacks capacity: VM needs %d cores and %d MB, node has %d cores and %d MB free"
                            + " (%d cores and %d MB reserved for incoming migrations)",
                    target.id, vm.cores(), vm.memoryMb(), target.freeCores(), target.freeMemoryMb(),
                    target.reservedCores, target.reservedMemoryMb));
        }
        Migration migration = new Migration(command.commandId(), vm, source, target,
                migrations.begin(vm.memoryMb(), vm.job.spec.dirtyRateMbPerSec()), ctx.tick);
        target.reserve(vm);
        source.linkUsers++;
        target.linkUsers++;
        vm.migration = migration;
        vm.job.activeMigrations++;
        state.migrations.add(migration);
        return OutcomeStatus.ACCEPTED;
    }

    private static void requireUsableTarget(Node target) throws Rejection {
        if (target.down()) {
            throw new Rejection("target " + target.id + " is " + target.health.name().toLowerCase(Locale.ROOT));
        }
        if (target.power != PowerStatus.ON) {
            throw new Rejection("target " + target.id + " is not powered on (" + describe(target.power) + ")");
        }
        if (target.quarantined) {
            throw new Rejection("target " + target.id + " is quarantined");
        }
    }

    private OutcomeStatus checkpoint(ClusterCommand command, TickContext ctx) throws Rejection {
        Job job = state.jobs.get(command.subject());
        if (job == null) {
            throw new Rejection(state.completedJobIds.contains(command.subject())
                    ? "job " + command.subject() + " has completed"
                    : "unknown job '" + command.subject() + "'");
        }
        if (job.status == JobStatus.QUEUED) {
            throw new Rejection("job " + job.id() + " is queued: there is nothing to checkpoint");
        }
        if (job.checkpoint != null) {
            throw new Rejection("job " + job.id() + " is already checkpointing");
        }
        if (job.activeMigrations > 0) {
            Vm moving = job.vms.stream().filter(v -> v.migration != null).findFirst().orElseThrow();
            throw new Rejection("VM " + moving.id + " of job " + job.id() + " is migrating; checkpoint once it has moved");
        }
        if (job.restartRemaining > 0) {
            throw new Rejection("job " + job.id() + " is still restoring its last checkpoint");
        }
        lifecycle.startCheckpoint(job, command.commandId(), ctx);
        return OutcomeStatus.ACCEPTED;
    }

    private OutcomeStatus powerOff(ClusterCommand command, TickContext ctx) throws Rejection {
        Node node = node(command.subject());
        boolean lowPower;
        if (command.target() == null || command.target().isBlank()) {
            lowPower = false;
        } else if (ClusterCommand.LOW_POWER_TARGET.equalsIgnoreCase(command.target())) {
            lowPower = true;
        } else {
            throw new Rejection("POWER_OFF target must be empty or " + ClusterCommand.LOW_POWER_TARGET + ", got '"
                    + command.target() + "'");
        }
        if (node.down()) {
            throw new Rejection(node.id + " is " + node.health.name().toLowerCase(Locale.ROOT));
        }
        switch (node.power) {
            case OFF -> throw new Rejection(node.id + " is already off");
            case SHUTTING_DOWN -> throw new Rejection(node.id + " is already shutting down");
            case BOOTING -> throw new Rejection(node.id + " is booting; power it off once it is on");
            case LOW_POWER -> {
                if (lowPower) {
                    throw new Rejection(node.id + " is already in low power");
                }
            }
            case ON -> { }
        }
        if (!node.vms.isEmpty()) {
            throw new Rejection(node.id + " hosts " + node.vms.size() + " VM(s); migrate them first");
        }
        if (node.incomingMigrations > 0) {
            throw new Rejection(node.id + " is the target of " + node.incomingMigrations + " migration(s) in flight");
        }
        node.power = PowerStatus.SHUTTING_DOWN;
        node.shutdownTarget = lowPower ? PowerStatus.LOW_POWER : PowerStatus.OFF;
        node.transitionEndsAt = ctx.startSeconds + power.shutdownSeconds();
        node.wantsPower = false;
        node.powerCommandId = command.commandId();
        return OutcomeStatus.ACCEPTED;
    }

    private OutcomeStatus powerOn(ClusterCommand command, TickContext ctx) throws Rejection {
        Node node = node(command.subject());
        if (node.down()) {
            throw new Rejection(node.id + " is " + node.health.name().toLowerCase(Locale.ROOT)
                    + "; it cannot be powered on until it is repaired");
        }
        switch (node.power) {
            case ON -> throw new Rejection(node.id + " is already on");
            case BOOTING -> throw new Rejection(node.id + " is already booting");
            case SHUTTING_DOWN -> throw new Rejection(node.id + " is shutting down; power it on once it is off");
            case OFF, LOW_POWER -> { }
        }
        boolean waking = node.power == PowerStatus.LOW_POWER;
        node.power = PowerStatus.BOOTING;
        node.transitionEndsAt = ctx.startSeconds + (waking ? power.wakeSeconds() : power.bootSeconds());
        node.wantsPower = true;
        node.powerCommandId = command.commandId();
        ctx.event(node, NodeEventKind.POWERED_ON, waking ? "waking from low power" : "booting");
        return OutcomeStatus.ACCEPTED;
    }

    private OutcomeStatus quarantine(ClusterCommand command, TickContext ctx, boolean quarantine) throws Rejection {
        Node node = node(command.subject());
        if (node.quarantined == quarantine) {
            throw new Rejection(node.id + (quarantine ? " is already quarantined" : " is not quarantined"));
        }
        node.quarantined = quarantine;
        ctx.event(node, quarantine ? NodeEventKind.QUARANTINED : NodeEventKind.RELEASED, command.reason());
        return OutcomeStatus.COMPLETED;
    }

    private Node node(String nodeId) throws Rejection {
        Node node = state.nodesById.get(nodeId);
        if (node == null) {
            throw new Rejection("unknown node '" + nodeId + "'");
        }
        return node;
    }

    static String describe(PowerStatus power) {
        return power.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
