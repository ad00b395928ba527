package dev.foresight.actuator.settings;

/**
 * Limits every policy's output must respect.
 *
 * @param maxMigrationsPerNode live migrations in flight that may touch one node, as source or target
 *     (migrations sharing a node share its link, so more only makes each slower)
 * @param maxMigrationsPerCluster live migrations in flight in the whole cluster
 * @param minTicksBetweenMigrations a VM is not migrated again within this many ticks of its last
 *     migration (stops policies from bouncing a VM between nodes)
 */
public record GuardrailSettings(int maxMigrationsPerNode, int maxMigrationsPerCluster, int minTicksBetweenMigrations) {

    public GuardrailSettings {
        Checks.atLeast("guardrails.maxMigrationsPerNode", maxMigrationsPerNode, 1);
        Checks.atLeast("guardrails.maxMigrationsPerCluster", maxMigrationsPerCluster, 1);
        Checks.atLeast("guardrails.minTicksBetweenMigrations", minTicksBetweenMigrations, 0);
    }

    public static GuardrailSettings defaults() {
        return new GuardrailSettings(2, 16, 30);
    }
}
