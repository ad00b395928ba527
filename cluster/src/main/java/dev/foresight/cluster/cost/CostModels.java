package dev.foresight.cluster.cost;

import dev.foresight.cluster.Scenario;

/** The pluggable cost models of a simulation; {@link #defaults(Scenario)} gives the standard ones. */
public record CostModels(PowerModel power, CheckpointCostModel checkpoints, MigrationModel migrations) {

    /** Linear power, shared-storage checkpoints, pre-copy migration, all from the scenario's settings. */
    public static CostModels defaults(Scenario scenario) {
        return new CostModels(new LinearPowerModel(scenario.power()),
                new SharedStorageCheckpointModel(scenario.checkpointing()),
                new PreCopyMigrationModel(scenario.migration()));
    }
}
