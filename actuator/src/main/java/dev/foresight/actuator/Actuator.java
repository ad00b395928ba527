package dev.foresight.actuator;

import dev.foresight.actuator.approval.Approval;
import dev.foresight.actuator.approval.ApprovalBook;
import dev.foresight.actuator.audit.AuditEntry;
import dev.foresight.actuator.audit.AuditEntry.Stage;
import dev.foresight.actuator.memory.ActuatorMemory;
import dev.foresight.actuator.policy.Applicability;
import dev.foresight.actuator.policy.CapacityLedger;
import dev.foresight.actuator.policy.CheckpointPolicy;
import dev.foresight.actuator.policy.ConsolidationPolicy;
import dev.foresight.actuator.policy.Decision;
import dev.foresight.actuator.policy.Guardrails;
import dev.foresight.actuator.policy.MakingRoomPolicy;
import dev.foresight.actuator.policy.PlanningContext;
import dev.foresight.actuator.policy.Policy;
import dev.foresight.actuator.policy.PowerOnPolicy;
import dev.foresight.actuator.policy.ProactiveMigrationPolicy;
import dev.foresight.actuator.policy.Proposal;
import dev.foresight.actuator.policy.QuarantineReleasePolicy;
import dev.foresight.actuator.policy.ViewIndex;
import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.ClusterView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision core: one call per tick, from a {@link TickInput} to the commands to publish and the
 * audit trail. Pure of I/O and clocks; the same inputs in the same order give the same outputs, ids
 * included.
 *
 * <p>Each tick: bring the memory up to the view; record outcomes; settle operators' answers; ask the
 * enabled policies in a fixed order (release, proactive, making room, power on, consolidation,
 * checkpoint; earlier ones have first claim on free capacity, safety first); number the proposals;
 * pass everything, approved commands first, through the {@link Guardrails}; then publish, hold or
 * merely recommend according to the automation level.
 */
public final class Actuator {

    private static final List<Policy> POLICIES = List.of(
            new QuarantineReleasePolicy(),
            new ProactiveMigrationPolicy(),
            new MakingRoomPolicy(),
            new PowerOnPolicy(),
            new ConsolidationPolicy(),
            new CheckpointPolicy());

    private final ActuatorSettings settings;
    private final ActuatorMemory memory;
    private final Guardrails guardrails;

    public Actuator(ActuatorSettings settings) {
        this(settings, ActuatorMemory.empty());
    }

    /** Continues from a saved memory (see {@link ActuatorMemory#restore}). */
    public Actuator(ActuatorSettings settings, ActuatorMemory memory) {
        this.settings = settings;
        this.memory = memory;
        this.guardrails = new Guardrails(settings.guardrails());
    }

    public ActuatorSettings settings() {
        return settings;
    }

    public ActuatorMemory memory() {
        return memory;
    }

    public TickDecisions decide(TickInput input) {
        ClusterView view = input.view();
        long tick = view.tick();
        if (tick <= memory.lastDecidedTick()) {
            throw new IllegalStateException("tick " + tick + " comes after tick " + memory.lastDecidedTick()
                    + " was decided: ticks must be decided once each, in order");
        }
        RiskView risk = RiskView.of(tick, settings.risk(), input.predictions());
        ViewIndex index = ViewIndex.of(view);
        memory.observe(index, risk, settings);
        List<AuditEntry> audit = new ArrayList<>();
        for (CommandOutcome outcome : input.outcomes()) {
            audit.add(outcomeEntry(tick, outcome));
        }
        PlanningContext ctx = new PlanningContext(index, risk, settings, memory, memory.reliability(settings),
                CapacityLedger.of(index, memory));
        List<ApprovalBook.Released> approved = settleAnswers(tick, input.approvals(), ctx, audit);

        List<Decision> candidates = new ArrayList<>();
        Map<String, String> approvedBy = new HashMap<>();
        for (ApprovalBook.Released released : approved) {
            candidates.add(released.decision());
            approvedBy.put(released.decision().commandId(), released.approval().describe());
        }
        int sequence = 0;
        for (Policy policy : POLICIES) {
            if (settings.enabled(policy.kind())) {
                for (Proposal proposal : policy.propose(ctx)) {
                    candidates.add(new Decision(Decision.idFor(tick, sequence++), tick, proposal));
                }
            }
        }
        Guardrails.Verdict verdict = guardrails.filter(candidates, index, risk, memory);
        for (Guardrails.Dropped dropped : verdict.dropped()) {
            audit.add(AuditEntry.of(tick, dropped.decision(), Stage.DROPPED, dropped.reason(), settings.automation()));
        }
        List<IssuedCommand> issued = new ArrayList<>();
        for (Decision decision : verdict.accepted()) {
            if (approvedBy.containsKey(decision.commandId())) {
                issue(decision, Automation.APPROVE, Stage.APPROVED, approvedBy.get(decision.commandId()), tick, issued, audit);
            } else {
                gate(decision, tick, issued, audit);
            }
        }
        memory.decided(tick);
        return new TickDecisions(tick, issued, audit);
    }

    /** Applies the automation level to a fresh decision that passed the guardrails. */
    private void gate(Decision decision, long tick, List<IssuedCommand> issued, List<AuditEntry> audit) {
        switch (settings.automation()) {
            case AUTOMATIC -> issue(decision, Automation.AUTOMATIC, Stage.PUBLISHED, null, tick, issued, audit);
            case APPROVE -> {
                if (!memory.approvals().holds(decision.proposal())) {
                    memory.approvals().hold(decision, tick);
                    audit.add(AuditEntry.of(tick, decision, Stage.AWAITING_APPROVAL, null, Automation.APPROVE));
                }
            }
            case RECOMMEND -> {
                if (memory.firstRecommendation(decision.proposal(), tick, settings)) {
                    audit.add(AuditEntry.of(tick, decision, Stage.RECOMMENDED, null, Automation.RECOMMEND));
                }
            }
        }
    }

    private void issue(Decision decision, Automation authority, Stage stage, String detail, long tick,
            List<IssuedCommand> issued, List<AuditEntry> audit) {
        issued.add(new IssuedCommand(decision, authority, tick));
        memory.published(decision, tick, settings);
        audit.add(AuditEntry.of(tick, decision, stage, detail, authority));
    }

    /** Records denials and expiries; returns the approved decisions that still apply. */
    private List<ApprovalBook.Released> settleAnswers(long tick, List<Approval> approvals, PlanningContext ctx, List<AuditEntry> audit) {
        ApprovalBook.Answers answers = memory.approvals().answer(approvals);
        for (ApprovalBook.Released denied : answers.denied()) {
            audit.add(AuditEntry.of(tick, denied.decision(), Stage.DENIED, denied.approval().describe(), Automation.APPROVE));
        }
        for (ApprovalBook.Waiting expired : memory.approvals().expire(tick, settings.approvalTimeoutTicks())) {
            audit.add(AuditEntry.of(tick, expired.decision(), Stage.EXPIRED,
                    "no answer within " + settings.approvalTimeoutTicks() + " ticks", Automation.APPROVE));
        }
        List<ApprovalBook.Released> stillValid = new ArrayList<>();
        for (ApprovalBook.Released approved : answers.approved()) {
            String stale = Applicability.whyStale(approved.decision().proposal(), ctx);
            if (stale == null) {
                stillValid.add(approved);
            } else {
                audit.add(AuditEntry.of(tick, approved.decision(), Stage.DROPPED,
                        approved.approval().describe() + ", but " + stale, Automation.APPROVE));
            }
        }
        for (Approval unmatched : answers.unmatched()) {
            audit.add(new AuditEntry(tick, unmatched.commandId(), Stage.DROPPED, null, null, null, null, null, null, null,
                    unmatched.describe() + ", but no command with this id awaits approval", Automation.APPROVE, null, null));
        }
        return stillValid;
    }

    private static AuditEntry outcomeEntry(long tick, CommandOutcome outcome) {
        String detail = outcome.status() + " at tick " + outcome.tick() + (outcome.reason() == null ? "" : ": " + outcome.reason());
        return new AuditEntry(tick, outcome.commandId(), Stage.OUTCOME, null, outcome.kind(), outcome.subject(), null, null,
                null, null, detail, null, null, null);
    }
}
