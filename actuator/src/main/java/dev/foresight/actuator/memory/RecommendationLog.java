package dev.foresight.actuator.memory;

import dev.foresight.actuator.policy.Proposal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Under RECOMMEND nothing is executed, so the policies propose the same thing every tick; this keeps
 * the audit trail to one recommendation per change per {@code repeatTicks}.
 */
final class RecommendationLog {

    private final Map<String, Long> lastTick = new TreeMap<>();

    /** True, and remembered, when the change was not recommended within the last {@code repeatTicks}. */
    boolean firstIn(Proposal proposal, long tick, int repeatTicks) {
        String key = proposal.describe();
        Long last = lastTick.get(key);
        if (last != null && tick - last < repeatTicks) {
            return false;
        }
        lastTick.put(key, tick);
        return true;
    }

    void forgetOld(long tick, int repeatTicks) {
        lastTick.values().removeIf(t -> tick - t >= repeatTicks);
    }

    Map<String, Long> snapshot() {
        return new TreeMap<>(lastTick);
    }

    static RecommendationLog restore(Map<String, Long> saved) {
        RecommendationLog log = new RecommendationLog();
        log.lastTick.putAll(saved);
        return log;
    }
}
