package dev.foresight.actuator.policy;

import dev.foresight.cluster.command.CommandKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** A hand-filled memory for policy and guardrail tests. */
final class OperationsViewStub implements OperationsView {

    private final Set<String> pending = new HashSet<>();
    private final List<InFlightMigration> migrations = new ArrayList<>();
    private final Map<String, Long> lastMigration = new HashMap<>();
    private final Map<String, Long> powerOns = new HashMap<>();
    private final Map<String, Long> coolDowns = new HashMap<>();
    private final Map<String, Long> checkpointsOrdered = new HashMap<>();

    OperationsViewStub coolingDown(String nodeId, long untilTick) {
        coolDowns.put(nodeId, untilTick);
        return this;
    }

    OperationsViewStub checkpointOrdered(String jobId, long effectiveTick) {
        checkpointsOrdered.put(jobId, effectiveTick);
        return this;
    }

    OperationsViewStub withPending(CommandKind kind, String subject) {
        pending.add(kind + " " + subject);
        return this;
    }

    OperationsViewStub migrating(String vmId, String source, String target, long tick) {
        migrations.add(new InFlightMigration(vmId, source, target, tick));
        pending.add(CommandKind.MIGRATE + " " + vmId);
        return this;
    }

    OperationsViewStub migrated(String vmId, long tick) {
        lastMigration.put(vmId, tick);
        return this;
    }

    OperationsViewStub poweredOn(String nodeId, long tick) {
        powerOns.put(nodeId, tick);
        return this;
    }

    @Override
    public boolean pending(CommandKind kind, String subject) {
        return pending.contains(kind + " " + subject);
    }

    @Override
    public List<InFlightMigration> migrationsInFlight() {
        return migrations;
    }

    @Override
    public OptionalLong lastMigrationTick(String vmId) {
        return lastMigration.containsKey(vmId) ? OptionalLong.of(lastMigration.get(vmId)) : OptionalLong.empty();
    }

    @Override
    public OptionalLong quarantinedSince(String nodeId) {
        return OptionalLong.empty();
    }

    @Override
    public OptionalLong alarmEpisodeSince(String nodeId) {
        return OptionalLong.empty();
    }

    @Override
    public int calmTicks(String nodeId) {
        return 0;
    }

    @Override
    public boolean repairedSinceQuarantine(String nodeId) {
        return false;
    }

    @Override
    public OptionalLong checkpointOrderedFor(String jobId) {
        return checkpointsOrdered.containsKey(jobId) ? OptionalLong.of(checkpointsOrdered.get(jobId)) : OptionalLong.empty();
    }

    @Override
    public OptionalLong quarantineCoolDownUntil(String nodeId) {
        return coolDowns.containsKey(nodeId) ? OptionalLong.of(coolDowns.get(nodeId)) : OptionalLong.empty();
    }

    @Override
    public OptionalLong lastPowerOnTick(String nodeId) {
        return powerOns.containsKey(nodeId) ? OptionalLong.of(powerOns.get(nodeId)) : OptionalLong.empty();
    }

    @Override
    public OptionalLong roomPlannedAt(String jobId) {
        return OptionalLong.empty();
    }
}
