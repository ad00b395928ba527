package dev.foresight.actuator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ActuatorSettingsTest {

    @Test
    void defaultsEnableEveryPolicyAutomatically() {
        var defaults = ActuatorSettings.defaults();

        assertThat(defaults.automation()).isEqualTo(Automation.AUTOMATIC);
        assertThat(defaults.policies()).containsExactly(PolicyKind.RELEASE, PolicyKind.PROACTIVE, PolicyKind.MAKING_ROOM,
                PolicyKind.POWER_ON, PolicyKind.CONSOLIDATION, PolicyKind.CHECKPOINT);
        assertThat(defaults.risk().releaseFraction()).as("calm sits below the alarm threshold").isLessThan(1);
        assertThat(defaults.guardrails().maxQuarantinedShare()).isLessThan(1);
    }

    @Test
    void validationNamesTheSettingAtFault() {
        assertThatThrownBy(() -> new RiskSettings(AlarmRule.THRESHOLD, 1.5, 0.2, 0.2, 3, 2, 3600))
                .hasMessage("risk.alarmThreshold must be within [0, 1], got 1.5");
        assertThatThrownBy(() -> new GuardrailSettings(0, 4, 1, 0.25, 60))
                .hasMessage("guardrails.maxMigrationsPerNode must be >= 1, got 0");
        assertThatThrownBy(() -> new GuardrailSettings(2, 4, 1, 1.5, 60))
                .hasMessage("guardrails.maxQuarantinedShare must be within [0, 1], got 1.5");
        assertThatThrownBy(() -> new GuardrailSettings(2, 4, 1, 0.25, -1))
                .hasMessage("guardrails.quarantineCoolDownTicks must be >= 0, got -1");
        assertThatThrownBy(() -> new RiskSettings(AlarmRule.THRESHOLD, 0.5, 0.2, 0.5, 3, 2, 0))
                .hasMessage("risk.fallbackHorizonSeconds must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new ProactiveSettings(1800, 1250, -0.1))
                .hasMessage("proactive.migrationDowntimeSeconds must be a finite number >= 0, got -0.1");
        assertThatThrownBy(() -> new CheckpointingSettings(1400, 1, 0, 4, 1.0, 120, 5, 500, 10_000))
                .hasMessage("checkpointing.maxTrustedRecall must be < 1, got 1.0");
        assertThatThrownBy(() -> ActuatorSettings.defaults().withPolicies(EnumSet.of(PolicyKind.APPROVAL)))
                .hasMessageContaining("APPROVAL is an origin");
    }

    @Test
    void theQuarantineCapRoundsDownButAlwaysAllowsOneNode() {
        var guardrails = new GuardrailSettings(2, 16, 30, 0.25, 60);

        assertThat(guardrails.maxQuarantinedNodes(64)).isEqualTo(16);
        assertThat(guardrails.maxQuarantinedNodes(7)).isEqualTo(1);
        assertThat(guardrails.maxQuarantinedNodes(3)).as("a small cluster can still answer an alarm").isEqualTo(1);
    }

    @Test
    void alarmRulesReadTheFlagTheProbabilityOrBoth() {
        assertThat(new RiskSettings(AlarmRule.MODEL_FLAG, 0.5, 0.2, 0.2, 3, 2, 3600).isAlarm(0.9, false)).isFalse();
        assertThat(new RiskSettings(AlarmRule.THRESHOLD, 0.5, 0.2, 0.2, 3, 2, 3600).isAlarm(0.9, false)).isTrue();
        assertThat(new RiskSettings(AlarmRule.THRESHOLD, 0.5, 0.2, 0.2, 3, 2, 3600).isAlarm(0.4, true)).isFalse();
        assertThat(new RiskSettings(AlarmRule.EITHER, 0.5, 0.2, 0.2, 3, 2, 3600).isAlarm(0.4, true)).isTrue();
    }
}
