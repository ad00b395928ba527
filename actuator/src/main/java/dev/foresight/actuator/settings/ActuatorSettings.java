package dev.foresight.actuator.settings;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything that shapes the actuator's decisions. Every field has a default ({@link #defaults()});
 * the {@code with...} methods change one thing at a time.
 *
 * @param automation what happens to decisions that pass the guardrails
 * @param policies the policies consulted each tick (the others stay silent)
 * @param tickSeconds simulated length of a tick; must match the scenario (cluster-state records do not
 *     carry it)
 * @param actuationLagTicks commands decided at tick k take effect at tick k + 1 + lag; the actuator
 *     expects their effects only from then on
 * @param approvalTimeoutTicks a command awaiting approval expires after this many ticks (the cluster
 *     it was decided for has moved on)
 * @param recommendationRepeatTicks under {@link Automation#RECOMMEND}, the same recommendation is not
 *     repeated in the audit trail within this many ticks
 */
public record ActuatorSettings(
        Automation automation,
        Set<PolicyKind> policies,
        long tickSeconds,
        int actuationLagTicks,
        int approvalTimeoutTicks,
        int recommendationRepeatTicks,
        RiskSettings risk,
        GuardrailSettings guardrails,
        ProactiveSettings proactive,
        CheckpointingSettings checkpointing,
        ConsolidationSettings consolidation,
        MakingRoomSettings makingRoom) {

    public ActuatorSettings {
        Checks.notNull("automation", automation);
        Checks.notNull("policies", policies);
        // an EnumSet keeps iteration in declaration order, whatever the caller passed
        policies = Collections.unmodifiableSet(policies.isEmpty() ? EnumSet.noneOf(PolicyKind.class) : EnumSet.copyOf(policies));
        if (policies.contains(PolicyKind.APPROVAL)) {
            throw new IllegalArgumentException("policies: APPROVAL is an origin of commands, not a policy to enable");
        }
        Checks.atLeast("tickSeconds", tickSeconds, 1);
        Checks.atLeast("actuationLagTicks", actuationLagTicks, 0);
        Checks.atLeast("approvalTimeoutTicks", approvalTimeoutTicks, 1);
        Checks.atLeast("recommendationRepeatTicks", recommendationRepeatTicks, 1);
        Checks.notNull("risk", risk);
        Checks.notNull("guardrails", guardrails);
        Checks.notNull("proactive", proactive);
        Checks.notNull("checkpointing", checkpointing);
        Checks.notNull("consolidation", consolidation);
        Checks.notNull("makingRoom", makingRoom);
    }

    /** Every policy on, automatic, one-minute ticks, no actuation lag. */
    public static ActuatorSettings defaults() {
        return new ActuatorSettings(
                Automation.AUTOMATIC,
                EnumSet.complementOf(EnumSet.of(PolicyKind.APPROVAL)),
                60,
                0,
                30,
                10,
                RiskSettings.defaults(),
                GuardrailSettings.defaults(),
                ProactiveSettings.defaults(),
                CheckpointingSettings.defaults(),
                ConsolidationSettings.defaults(),
                MakingRoomSettings.defaults());
    }

    public boolean enabled(PolicyKind policy) {
        return policies.contains(policy);
    }

    public ActuatorSettings withAutomation(Automation value) {
        return new ActuatorSettings(value, policies, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, proactive, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withPolicies(Set<PolicyKind> value) {
        return new ActuatorSettings(automation, value, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, proactive, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withTickSeconds(long value) {
        return new ActuatorSettings(automation, policies, value, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, proactive, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withActuationLagTicks(int value) {
        return new ActuatorSettings(automation, policies, tickSeconds, value, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, proactive, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withApprovalTimeoutTicks(int value) {
        return new ActuatorSettings(automation, policies, tickSeconds, actuationLagTicks, value,
                recommendationRepeatTicks, risk, guardrails, proactive, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withRisk(RiskSettings value) {
        return new ActuatorSettings(automation, policies, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, value, guardrails, proactive, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withGuardrails(GuardrailSettings value) {
        return new ActuatorSettings(automation, policies, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, value, proactive, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withProactive(ProactiveSettings value) {
        return new ActuatorSettings(automation, policies, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, value, checkpointing, consolidation, makingRoom);
    }

    public ActuatorSettings withCheckpointing(CheckpointingSettings value) {
        return new ActuatorSettings(automation, policies, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, proactive, value, consolidation, makingRoom);
    }

    public ActuatorSettings withConsolidation(ConsolidationSettings value) {
        return new ActuatorSettings(automation, policies, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, proactive, checkpointing, value, makingRoom);
    }

    public ActuatorSettings withMakingRoom(MakingRoomSettings value) {
        return new ActuatorSettings(automation, policies, tickSeconds, actuationLagTicks, approvalTimeoutTicks,
                recommendationRepeatTicks, risk, guardrails, proactive, checkpointing, consolidation, value);
    }
}
