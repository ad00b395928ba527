package dev.foresight.experiments;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.scenario.CheckpointPolicy;
import dev.foresight.cluster.scenario.CheckpointSettings;

/** The scenario a policy runs: the user's scenario with the checkpointing the policy implies. */
final class ScenarioVariants {

    private ScenarioVariants() {}

    static Scenario forPolicy(Scenario s, Policy policy) {
        CheckpointSettings c = s.checkpointing();
        CheckpointPolicy wanted = policy.periodicCheckpoints()
                ? (c.policy() == CheckpointPolicy.NONE ? CheckpointPolicy.YOUNG : c.policy())
                : CheckpointPolicy.NONE;
        CheckpointSettings adjusted = new CheckpointSettings(wanted, c.intervalMinutes(), c.drainSeconds(),
                c.storageBandwidthMbPerSec(), c.vmWriteMbPerSec(), c.restartCostFactor());
        return new Scenario(s.name(), s.seed(), s.start(), s.tickSeconds(), s.durationTicks(), s.actuationLagTicks(),
                s.nodes(), s.racks(), s.node(), s.failures(), s.jobs(), s.scheduler(), adjusted, s.power(), s.migration(),
                s.telemetry());
    }
}
