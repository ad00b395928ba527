package dev.foresight.actuator.memory;

import dev.foresight.actuator.policy.ViewIndex;
import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.risk.RiskView;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Alarm episodes per node and the quarantines this actuator opened for them. An episode starts with
 * an alarm and lasts while the node stays alarmed or quarantined. For its own quarantines the book
 * counts consecutive calm ticks (the release hysteresis), notices a failure followed by a repair, and
 * keeps the prediction the quarantine acted on (its horizon decides when the quarantine expires). After
 * it ends a quarantine of its own that was not ended by a repair, a node cools down: no new quarantine
 * until the cool-down has passed.
 */
final class AlarmEpisodes {

    /**
     * @param quarantinedAt tick this actuator quarantined the node, or -1 if the quarantine (if any) is
     *     not its own
     * @param failed the node failed during the quarantine
     * @param repaired ... and came back healthy afterwards
     * @param basis the prediction this actuator's quarantine acted on; null when the quarantine is not
     *     its own
     */
    record Episode(String nodeId, long alarmSince, long quarantinedAt, int calmTicks, boolean failed, boolean repaired,
            NodeRisk basis) {

        boolean ours() {
            return quarantinedAt >= 0;
        }
    }

    private final Map<String, Episode> episodes = new TreeMap<>();
    /** Node id to the first tick at which it may be quarantined again. */
    private final Map<String, Long> coolDowns = new TreeMap<>();

    Optional<Episode> of(String nodeId) {
        return Optional.ofNullable(episodes.get(nodeId));
    }

    void observe(ViewIndex index, RiskView risk, int lagTicks) {
        long tick = index.tick();
        for (String nodeId : risk.alarmedNodes()) {
            episodes.computeIfAbsent(nodeId, id -> new Episode(id, tick, -1, 0, false, false, null));
        }
        coolDowns.values().removeIf(until -> until <= tick);
        for (Iterator<Map.Entry<String, Episode>> it = episodes.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Optional<NodeView> node = index.node(entry.getKey());
            if (node.isEmpty()) {
                it.remove();
                continue;
            }
            Episode next = advance(entry.getValue(), node.get(), risk, tick, lagTicks);
            if (next == null) {
                it.remove();
            } else {
                entry.setValue(next);
            }
        }
    }

    /** The episode after this tick, or null when it has ended. */
    private static Episode advance(Episode e, NodeView node, RiskView risk, long tick, int lagTicks) {
        boolean alarmed = risk.alarmed(node.nodeId());
        long quarantinedAt = e.quarantinedAt();
        if (e.ours() && !node.quarantined() && tick >= quarantinedAt + 1 + lagTicks) {
            quarantinedAt = -1; // released by someone else (an operator, or the cluster on repair)
        }
        if (quarantinedAt < 0) {
            return alarmed || node.quarantined() ? new Episode(e.nodeId(), e.alarmSince(), -1, 0, false, false, null) : null;
        }
        boolean down = node.health() == HealthStatus.FAILED || node.health() == HealthStatus.REPAIRING;
        boolean failed = e.failed() || down;
        boolean repaired = e.repaired() || (e.failed() && !down);
        int calm = e.calmTicks();
        if (down) {
            calm = 0;
        } else if (risk.calm(node.nodeId())) {
            calm++;
        } else if (risk.of(node.nodeId()).map(r -> r.tick() == tick).orElse(false)) {
            calm = 0; // a fresh prediction that is not calm restarts the count; a missing one does not
        }
        return new Episode(e.nodeId(), e.alarmSince(), quarantinedAt, calm, failed, repaired, e.basis());
    }

    void quarantined(String nodeId, long tick, NodeRisk basis) {
        Episode e = episodes.get(nodeId);
        long since = e == null ? tick : e.alarmSince();
        episodes.put(nodeId, new Episode(nodeId, since, tick, 0, false, false, basis));
        coolDowns.remove(nodeId);
    }

    /** This actuator released the node at {@code tick}; unless after a repair, it cools down. */
    void released(String nodeId, long tick, int coolDownTicks) {
        Episode e = episodes.remove(nodeId);
        if (e != null && e.ours() && !e.repaired() && coolDownTicks > 0) {
            coolDowns.put(nodeId, tick + coolDownTicks);
        }
    }

    /** First tick at which the node may be quarantined again, if it is cooling down. */
    Optional<Long> coolDownUntil(String nodeId) {
        return Optional.ofNullable(coolDowns.get(nodeId));
    }

    List<Episode> snapshot() {
        return List.copyOf(episodes.values());
    }

    Map<String, Long> coolDownSnapshot() {
        return new TreeMap<>(coolDowns);
    }

    static AlarmEpisodes restore(List<Episode> saved, Map<String, Long> coolDowns) {
        AlarmEpisodes book = new AlarmEpisodes();
        saved.forEach(e -> book.episodes.put(e.nodeId(), e));
        book.coolDowns.putAll(coolDowns);
        return book;
    }
}
