package dev.foresight.cluster.engine;

import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.failure.FailureEvent;
import dev.foresight.cluster.failure.FailureProcess;
import dev.foresight.cluster.telemetry.TelemetryGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A digest of every piece of simulation state that can influence the future: entities, queues,
 * transfers in flight, pending commands, counters, sensor state and the next failure of each node.
 * Two states with equal fingerprints evolve identically. Output already produced (reports, outcomes)
 * is not state and is not included.
 */
final class StateFingerprint {

    private final StringBuilder text = new StringBuilder(4096);

    static String of(long tick, ClusterState state, Accounting accounting, FailureProcess failures,
            TelemetryGenerator telemetry, Map<Long, List<ClusterCommand>> scheduled) {
        StateFingerprint f = new StateFingerprint();
        f.put("tick", tick).put("seq", state.submitSequence);
        for (Node n : state.nodes) {
            f.put("node", n.id).put(n.power).put(n.transitionEndsAt).put(n.shutdownTarget).put(n.powerCommandId)
                    .put(n.wantsPower).put(n.health).put(n.repairedAt).put(n.quarantined).put(n.usedCores)
                    .put(n.usedMemoryMb).put(n.reservedCores).put(n.reservedMemoryMb).put(n.incomingMigrations)
                    .put(n.linkUsers).put(n.cpuUtil).put(n.netMb);
            for (Vm vm : n.vms) {
                f.put(vm.id);
            }
            FailureEvent next = failures.next(n.index);
            f.put(next == null ? "none" : next.toString());
            if (telemetry != null) {
                f.put(telemetry.temperature(n.index)).put(telemetry.eccCorrectable(n.index)).put(telemetry.eccUncorrectable(n.index))
                        .put(telemetry.diskReallocated(n.index)).put(telemetry.logWarnings(n.index))
                        .put(telemetry.logErrors(n.index));
            }
        }
        for (Job j : state.jobs.values()) {
            f.put("job", j.id()).put(j.status).put(j.doneSeconds).put(j.checkpointedSeconds).put(j.lastCheckpointTick)
                    .put(j.intervalSeconds).put(j.restartRemaining).put(j.stallRemaining).put(j.activeMigrations)
                    .put(j.queuedSince).put(j.activity);
            if (j.checkpoint != null) {
                f.put("ckpt").put(j.checkpoint.commandId).put(j.checkpoint.startTick).put(j.checkpoint.drainRemaining)
                        .put(j.checkpoint.remainingMbPerVm);
            }
            for (Vm vm : j.vms) {
                f.put(vm.host == null ? "-" : vm.host.id);
            }
        }
        for (Job j : state.queue) {
            f.put("queued", j.id());
        }
        for (Migration m : state.migrations) {
            f.put("migration", m.commandId).put(m.vm.id).put(m.source.id).put(m.target.id).put(m.startTick)
                    .put(m.transfer.sentMb()).put(m.transfer.rounds()).put(m.transfer.downtimeSeconds()).put(m.transfer.done());
        }
        f.put("completed", state.completedJobIds.size());
        scheduled.forEach((at, commands) -> commands.forEach(c -> f.put("scheduled", at).put(c.toString())));
        f.put(accounting.snapshot(tick).toString()).put(accounting.highPriorityStarts).put(accounting.busyCoreTicks);
        return f.digest();
    }

    private StateFingerprint put(Object value) {
        text.append(value).append('|');
        return this;
    }

    private StateFingerprint put(String key, Object value) {
        text.append('\n').append(key).append('=').append(value).append('|');
        return this;
    }

    private String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
