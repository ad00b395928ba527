package dev.foresight.actuator.risk;

import dev.foresight.actuator.settings.RiskSettings;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the predictor currently believes about each node, as of one tick: the latest prediction per
 * node, ignoring those too old to speak for their node.
 *
 * <p>A node without a current prediction has no known risk: it is not alarmed, and it counts as risk
 * 0 when choosing migration targets. Treating it as risky instead would bar every freshly booted node
 * for a tick, which costs more than it protects.
 */
public final class RiskView {

    private final long tick;
    private final RiskSettings settings;
    private final Map<String, NodeRisk> current;

    private RiskView(long tick, RiskSettings settings, Map<String, NodeRisk> current) {
        this.tick = tick;
        this.settings = settings;
        this.current = current;
    }

    /** The view at {@code tick} of the given latest predictions (one per node; later ticks win). */
    public static RiskView of(long tick, RiskSettings settings, Collection<NodeRisk> latest) {
        Map<String, NodeRisk> current = new TreeMap<>();
        for (NodeRisk risk : latest) {
            if (risk.tick() > tick || risk.tick() < tick - settings.maxAgeTicks()) {
                continue;
            }
            current.merge(risk.nodeId(), risk, (a, b) -> b.tick() >= a.tick() ? b : a);
        }
        return new RiskView(tick, settings, Collections.unmodifiableMap(current));
    }

    public static RiskView empty(long tick, RiskSettings settings) {
        return new RiskView(tick, settings, Map.of());
    }

    public long tick() {
        return tick;
    }

    public RiskSettings settings() {
        return settings;
    }

    public Optional<NodeRisk> of(String nodeId) {
        return Optional.ofNullable(current.get(nodeId));
    }

    /** Failure probability, 0 when unknown. */
    public double probability(String nodeId) {
        NodeRisk risk = current.get(nodeId);
        return risk == null ? 0.0 : risk.probability();
    }

    public boolean alarmed(String nodeId) {
        NodeRisk risk = current.get(nodeId);
        return risk != null && risk.modelVersion() >= 0 && settings.isAlarm(risk.probability(), risk.alarm());
    }

    /** A migration target must be neither alarmed nor above the risk bound. */
    public boolean safeTarget(String nodeId) {
        return !alarmed(nodeId) && probability(nodeId) <= settings.riskBound();
    }

    /**
     * Calm enough to count towards releasing a quarantine: a fresh prediction, no alarm, and a
     * probability below {@code releaseFraction} of its model's alarm threshold.
     */
    public boolean calm(String nodeId) {
        NodeRisk risk = current.get(nodeId);
        return risk != null && risk.tick() == tick && !alarmed(nodeId) && risk.probability() < releaseBound(nodeId);
    }

    /** The probability under which the node counts as calm (relative to its model's threshold). */
    public double releaseBound(String nodeId) {
        NodeRisk risk = current.get(nodeId);
        double threshold = risk == null ? settings.alarmThreshold() : risk.threshold(settings.alarmThreshold());
        return settings.releaseFraction() * threshold;
    }

    /** Prediction reference for the audit trail, or null when the node has no current prediction. */
    public String reference(String nodeId) {
        NodeRisk risk = current.get(nodeId);
        return risk == null ? null : risk.reference();
    }

    public SortedSet<String> alarmedNodes() {
        SortedSet<String> alarmed = new TreeSet<>();
        for (String nodeId : current.keySet()) {
            if (alarmed(nodeId)) {
                alarmed.add(nodeId);
            }
        }
        return Collections.unmodifiableSortedSet(alarmed);
    }

    /** True when some current prediction comes from a trained model (version >= 0). */
    public boolean modelActive() {
        return current.values().stream().anyMatch(r -> r.modelVersion() >= 0);
    }
}
