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
        assertThat(defaults.risk().releaseBelow()).isLessThan(defaults.risk().riskBound());
    }

    @Test
    void validationNamesTheSettingAtFault() {
        assertThatThrownBy(() -> new RiskSettings(AlarmRule.THRESHOLD, 1.5, 0.2, 0.1, 3, 2))
                .hasMessage("risk.alarmThreshold must be within [0, 1], got 1.5");
        assertThatThrownBy(() -> new GuardrailSettings(0, 4, 1))
                .hasMessage("guardrails.maxMigrationsPerNode must be >= 1, got 0");
        assertThatThrownBy(() -> new CheckpointingSettings(1400, 1, 0, 4, 1.0, 120, 5, 500, 10_000))
                .hasMessage("checkpointing.maxTrustedRecall must be < 1, got 1.0");
        assertThatThrownBy(() -> ActuatorSettings.defaults().withPolicies(EnumSet.of(PolicyKind.APPROVAL)))
                .hasMessageContaining("APPROVAL is an origin");
    }

    @Test
    void alarmRulesReadTheFlagTheProbabilityOrBoth() {
        assertThat(new RiskSettings(AlarmRule.MODEL_FLAG, 0.5, 0.2, 0.1, 3, 2).isAlarm(0.9, false)).isFalse();
        assertThat(new RiskSettings(AlarmRule.THRESHOLD, 0.5, 0.2, 0.1, 3, 2).isAlarm(0.9, false)).isTrue();
        assertThat(new RiskSettings(AlarmRule.THRESHOLD, 0.5, 0.2, 0.1, 3, 2).isAlarm(0.4, true)).isFalse();
        assertThat(new RiskSettings(AlarmRule.EITHER, 0.5, 0.2, 0.1, 3, 2).isAlarm(0.4, true)).isTrue();
    }
}
