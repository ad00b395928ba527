package dev.foresight.actuator.settings;

/**
 * Limits every policy's output must respect.
 *
 * @param maxMigrationsPerNode live migrations in flight that may touch one node, as source or target
 *     (migrations sharing a node share its link, so more only makes each slower)
 * @param maxMigrationsPerCluster live migrations in flight in the whole cluster
 * @param minTicksBetweenMigrations a VM is not migrated again within this many ticks of its last
 *     migration (stops policies from bouncing a VM between nodes)
 * @param maxQuarantinedShare at most this share of the cluster's nodes may be quarantined at once
 *     (rounded down, but never fewer than one node): a predictor gone wrong must not take the cluster
 *     away from its jobs
 * @param quarantineCoolDownTicks a node whose quarantine this actuator ended (expired or calm, not
 *     repaired) is not quarantined again within this many ticks (stops a model that keeps misjudging
 *     one node from flapping it in and out)
 */
public record GuardrailSettings(
        int maxMigrationsPerNode,
        int maxMigrationsPerCluster,
        int minTicksBetweenMigrations,
        double maxQuarantinedShare,
        int quarantineCoolDownTicks) {

    public GuardrailSettings {
        Checks.atLeast("guardrails.maxMigrationsPerNode", maxMigrationsPerNode, 1);
        Checks.atLeast("guardrails.maxMigrationsPerCluster", maxMigrationsPerCluster, 1);
        Checks.atLeast("guardrails.minTicksBetweenMigrations", minTicksBetweenMigrations, 0);
        Checks.probability("guardrails.maxQuarantinedShare", maxQuarantinedShare);
        Checks.atLeast("guardrails.quarantineCoolDownTicks", quarantineCoolDownTicks, 0);
    }

    public static GuardrailSettings defaults() {
        return new GuardrailSettings(2, 16, 30, 0.25, 60);
    }

    /** The most nodes of a cluster of {@code nodes} that may be quarantined at once. */
    public int maxQuarantinedNodes(int nodes) {
        return Math.max(1, (int) Math.floor(maxQuarantinedShare * nodes));
    }
}
