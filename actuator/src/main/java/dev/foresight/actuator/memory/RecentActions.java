package dev.foresight.actuator.memory;

import dev.foresight.actuator.policy.ViewIndex;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Recent commands whose memory outlives their visible effect: the guardrails and policies need to
 * know a VM migrated a few ticks ago, a node was just powered on, a job was just checkpointed or is
 * awaiting the room made for it. Entries are forgotten once too old to matter.
 *
 * @param migrations VM id to the tick its last migration was decided
 * @param powerOns node id to the tick it was last powered on
 * @param checkpoints job id to the tick its last ordered checkpoint takes effect
 * @param roomPlans job id to the tick room was last made for it
 */
record RecentActions(
        Map<String, Long> migrations,
        Map<String, Long> powerOns,
        Map<String, Long> checkpoints,
        Map<String, Long> roomPlans) {

    static RecentActions empty() {
        return new RecentActions(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /** Mutable copies, whatever the snapshot held. */
    RecentActions {
        migrations = new TreeMap<>(migrations);
        powerOns = new TreeMap<>(powerOns);
        checkpoints = new TreeMap<>(checkpoints);
        roomPlans = new TreeMap<>(roomPlans);
    }

    static OptionalLong get(Map<String, Long> map, String key) {
        Long tick = map.get(key);
        return tick == null ? OptionalLong.empty() : OptionalLong.of(tick);
    }

    void forgetOld(ViewIndex index, int migrationTicks, int powerOnTicks, int roomPlanTicks) {
        long tick = index.tick();
        migrations.values().removeIf(t -> tick - t >= migrationTicks);
        powerOns.values().removeIf(t -> tick - t >= powerOnTicks);
        roomPlans.values().removeIf(t -> tick - t >= roomPlanTicks);
        checkpoints.keySet().removeIf(job -> index.vmsOf(job).isEmpty() && index.job(job).isEmpty());
    }
}
