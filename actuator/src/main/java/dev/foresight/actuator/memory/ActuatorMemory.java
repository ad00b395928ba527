package dev.foresight.actuator.memory;

import dev.foresight.actuator.approval.ApprovalBook;
import dev.foresight.actuator.policy.Decision;
import dev.foresight.actuator.policy.OperationsView;
import dev.foresight.actuator.policy.Proposal;
import dev.foresight.actuator.policy.ReliabilityEstimate;
import dev.foresight.actuator.policy.ViewIndex;
import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the actuator carries from one tick to the next: a deterministic function of the ticks it
 * has decided, and of nothing else. The Kafka app saves it with every transaction ({@link #snapshot()})
 * so that a restarted actuator continues exactly where the last committed tick left it.
 */
public final class ActuatorMemory implements OperationsView {

    /**
     * The whole memory as plain data, for the state topic.
     *
     * @param episodes alarm episodes, with the quarantines this actuator opened and the predictions
     *     they acted on
     * @param quarantineCoolDowns node id to the first tick it may be quarantined again
     */
    public record Snapshot(
            long lastDecidedTick,
            List<PendingOperations.Operation> pending,
            RecentActions recent,
            List<AlarmEpisodes.Episode> episodes,
            Map<String, Long> quarantineCoolDowns,
            ReliabilityTracker.State reliability,
            List<ApprovalBook.Waiting> approvals,
            Map<String, Long> recommendations) {}

    private long lastDecidedTick;
    private final PendingOperations pending;
    private final RecentActions recent;
    private final AlarmEpisodes episodes;
    private final ReliabilityTracker reliability;
    private final ApprovalBook approvals;
    private final RecommendationLog recommendations;

    private ActuatorMemory(long lastDecidedTick, PendingOperations pending, RecentActions recent, AlarmEpisodes episodes,
            ReliabilityTracker reliability, ApprovalBook approvals, RecommendationLog recommendations) {
        this.lastDecidedTick = lastDecidedTick;
        this.pending = pending;
        this.recent = recent;
        this.episodes = episodes;
        this.reliability = reliability;
        this.approvals = approvals;
        this.recommendations = recommendations;
    }

    public static ActuatorMemory empty() {
        return new ActuatorMemory(-1, new PendingOperations(), RecentActions.empty(), new AlarmEpisodes(),
                new ReliabilityTracker(), new ApprovalBook(), new RecommendationLog());
    }

    /** The last tick decided, -1 before the first. */
    public long lastDecidedTick() {
        return lastDecidedTick;
    }

    public ApprovalBook approvals() {
        return approvals;
    }

    public ReliabilityEstimate reliability(ActuatorSettings settings) {
        return reliability.estimate(settings.checkpointing());
    }

    /** Brings the memory up to the tick's view, before any policy looks at it. */
    public void observe(ViewIndex index, RiskView risk, ActuatorSettings settings) {
        int lag = settings.actuationLagTicks();
        pending.settle(index, lag);
        episodes.observe(index, risk, lag);
        reliability.observe(index, risk, settings.tickSeconds(), settings.checkpointing().recallWindowTicks());
        recent.forgetOld(index, settings.guardrails().minTicksBetweenMigrations(),
                settings.consolidation().minTicksPoweredOn(), settings.makingRoom().planTimeoutTicks());
        recommendations.forgetOld(index.tick(), settings.recommendationRepeatTicks());
    }

    /**
     * Remembers a command published to the cluster at {@code tick} (later than its decision when an
     * operator approved it: its effect is due from the publication on).
     */
    public void published(Decision decision, long tick, ActuatorSettings settings) {
        Proposal p = decision.proposal();
        pending.record(decision, tick);
        switch (p.kind()) {
            case MIGRATE -> recent.migrations().put(p.subject(), tick);
            case POWER_ON -> recent.powerOns().put(p.subject(), tick);
            case CHECKPOINT -> recent.checkpoints().put(p.subject(), tick + 1 + settings.actuationLagTicks());
            case QUARANTINE -> episodes.quarantined(p.subject(), tick, p.basis());
            case RELEASE -> episodes.released(p.subject(), tick, settings.guardrails().quarantineCoolDownTicks());
            default -> { }
        }
        if (p.policy() == PolicyKind.MAKING_ROOM && p.cause() != null) {
            recent.roomPlans().put(p.cause(), tick);
        }
    }

    /** True, and remembered, when this recommendation was not made within the repeat window. */
    public boolean firstRecommendation(Proposal proposal, long tick, ActuatorSettings settings) {
        return recommendations.firstIn(proposal, tick, settings.recommendationRepeatTicks());
    }

    public void decided(long tick) {
        if (tick <= lastDecidedTick) {
            throw new IllegalStateException("tick " + tick + " decided after tick " + lastDecidedTick);
        }
        lastDecidedTick = tick;
    }

    @Override
    public boolean pending(CommandKind kind, String subject) {
        return pending.pending(kind, subject);
    }

    @Override
    public List<InFlightMigration> migrationsInFlight() {
        return pending.migrations();
    }

    @Override
    public OptionalLong lastMigrationTick(String vmId) {
        return RecentActions.get(recent.migrations(), vmId);
    }

    @Override
    public OptionalLong quarantinedSince(String nodeId) {
        return episodes.of(nodeId).filter(AlarmEpisodes.Episode::ours)
                .map(e -> OptionalLong.of(e.quarantinedAt())).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<NodeRisk> quarantineBasis(String nodeId) {
        return episodes.of(nodeId).filter(AlarmEpisodes.Episode::ours).map(AlarmEpisodes.Episode::basis);
    }

    @Override
    public OptionalLong quarantineCoolDownUntil(String nodeId) {
        return episodes.coolDownUntil(nodeId).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong alarmEpisodeSince(String nodeId) {
        return episodes.of(nodeId).map(e -> OptionalLong.of(e.alarmSince())).orElse(OptionalLong.empty());
    }

    @Override
    public int calmTicks(String nodeId) {
        return episodes.of(nodeId).map(AlarmEpisodes.Episode::calmTicks).orElse(0);
    }

    @Override
    public boolean repairedSinceQuarantine(String nodeId) {
        return episodes.of(nodeId).map(AlarmEpisodes.Episode::repaired).orElse(false);
    }

    @Override
    public OptionalLong checkpointOrderedFor(String jobId) {
        return RecentActions.get(recent.checkpoints(), jobId);
    }

    @Override
    public OptionalLong lastPowerOnTick(String nodeId) {
        return RecentActions.get(recent.powerOns(), nodeId);
    }

    @Override
    public OptionalLong roomPlannedAt(String jobId) {
        return RecentActions.get(recent.roomPlans(), jobId);
    }

    public Snapshot snapshot() {
        return new Snapshot(lastDecidedTick, pending.snapshot(), new RecentActions(recent.migrations(), recent.powerOns(),
                recent.checkpoints(), recent.roomPlans()), episodes.snapshot(), episodes.coolDownSnapshot(), reliability.snapshot(),
                approvals.waiting(), recommendations.snapshot());
    }

    public static ActuatorMemory restore(Snapshot s) {
        return new ActuatorMemory(s.lastDecidedTick(), PendingOperations.restore(s.pending()), new RecentActions(
                s.recent().migrations(), s.recent().powerOns(), s.recent().checkpoints(), s.recent().roomPlans()),
                AlarmEpisodes.restore(s.episodes(), s.quarantineCoolDowns()), ReliabilityTracker.restore(s.reliability()),
                ApprovalBook.restore(s.approvals()), RecommendationLog.restore(s.recommendations()));
    }
}
