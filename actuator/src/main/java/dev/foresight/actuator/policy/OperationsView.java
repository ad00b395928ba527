package dev.foresight.actuator.policy;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.cluster.command.CommandKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the actuator remembers of its own earlier commands, read-only: policies and guardrails use it
 * so that they neither repeat a command whose effect is not visible yet nor undo one in progress.
 */
public interface OperationsView {

    /** A published command whose effect the cluster view does not show yet. */
    boolean pending(CommandKind kind, String subject);

    /** Migrations this actuator published that have not landed or failed yet, in VM id order. */
    List<InFlightMigration> migrationsInFlight();

    /** Tick of the VM's last migration this actuator published, if recent enough to matter. */
    OptionalLong lastMigrationTick(String vmId);

    /** Tick at which this actuator quarantined the node, if the quarantine is still its own. */
    OptionalLong quarantinedSince(String nodeId);

    /**
     * The prediction this actuator's quarantine of the node acted on (its horizon sets the expiry);
     * empty when the node is not quarantined by this actuator, or the quarantine predates the record.
     */
    default Optional<NodeRisk> quarantineBasis(String nodeId) {
        return Optional.empty();
    }

    /** First tick at which the node may be quarantined again, while it cools down after a release. */
    default OptionalLong quarantineCoolDownUntil(String nodeId) {
        return OptionalLong.empty();
    }

    /**
     * First tick of the node's current alarm episode: it starts with an alarm and lasts while the node
     * stays alarmed or quarantined, so one episode gets one protective checkpoint per job.
     */
    OptionalLong alarmEpisodeSince(String nodeId);

    /** Consecutive calm ticks of a node this actuator quarantined (see {@code RiskView#calm}). */
    int calmTicks(String nodeId);

    /** True once a node this actuator quarantined has failed and come back repaired. */
    boolean repairedSinceQuarantine(String nodeId);

    /** Tick at which the last checkpoint this actuator ordered for the job takes effect. */
    OptionalLong checkpointOrderedFor(String jobId);

    /** Tick at which this actuator powered the node on, if recent enough to matter. */
    OptionalLong lastPowerOnTick(String nodeId);

    /** Tick at which a making-room plan was issued for the job, if still awaited. */
    OptionalLong roomPlannedAt(String jobId);

    /** A migration this actuator published. */
    record InFlightMigration(String vmId, String source, String target, long issuedTick) {}

    /** Nothing remembered: a fresh actuator, or a test of one policy on a hand-built view. */
    OperationsView NONE = new OperationsView() {
        @Override
        public boolean pending(CommandKind kind, String subject) {
            return false;
        }

        @Override
        public List<InFlightMigration> migrationsInFlight() {
            return List.of();
        }

        @Override
        public OptionalLong lastMigrationTick(String vmId) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong quarantinedSince(String nodeId) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong alarmEpisodeSince(String nodeId) {
            return OptionalLong.empty();
        }

        @Override
        public int calmTicks(String nodeId) {
            return 0;
        }

        @Override
        public boolean repairedSinceQuarantine(String nodeId) {
            return false;
        }

        @Override
        public OptionalLong checkpointOrderedFor(String jobId) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong lastPowerOnTick(String nodeId) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong roomPlannedAt(String jobId) {
            return OptionalLong.empty();
        }
    };
}
