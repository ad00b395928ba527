package dev.foresight.actuator.app;

import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The topics the actuator reads and writes: the shared catalogue's, plus three of its own that are
 * not part of the pipeline's contract (the app creates them).
 *
 * @param audit {@code <prefix>audit}: every decision and what became of it, JSON {@code AuditEntry}
 *     keyed by command id
 * @param approvals {@code <prefix>approvals}: operators' answers, JSON {@code Approval} keyed by command id
 * @param state {@code <prefix>actuator-state}: compacted, one partition; the actuator's memory and
 *     inputs as of its last committed tick, written in the same transaction as that tick's commands
 */
public record ActuatorTopics(TopicCatalogue catalogue, String audit, String approvals, String state) {

    /** A state snapshot holds every node's latest state: let it grow past the 1 MB default. */
    public static final int MAX_STATE_BYTES = 16 * 1024 * 1024;

    public static ActuatorTopics of(TopicSettings settings) {
        String prefix = settings.prefix();
        return new ActuatorTopics(TopicCatalogue.of(settings), prefix + "audit", prefix + "approvals", prefix + "actuator-state");
    }

    public String predictions() {
        return catalogue.name(TopicRole.PREDICTIONS);
    }

    public String clusterState() {
        return catalogue.name(TopicRole.CLUSTER_STATE);
    }

    public String commands() {
        return catalogue.name(TopicRole.COMMANDS);
    }

    public String commandResults() {
        return catalogue.name(TopicRole.COMMAND_RESULTS);
    }

    public String deadLetters() {
        return catalogue.name(TopicRole.DEAD_LETTERS);
    }

    /**
     * Creates the catalogue's missing topics and the actuator's own, and returns once every partition
     * of them has a leader: a transactional producer that writes to a partition still being created
     * can be failed with an out-of-order sequence, which is fatal to the transaction.
     */
    public void createMissing(Admin admin, long timeoutMillis) {
        new TopicAdministrator(admin, timeoutMillis).createMissing(catalogue);
        short replication = catalogue.settings().replicationFactor();
        Map<String, String> history = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        List<NewTopic> own = List.of(
                new NewTopic(audit, catalogue.settings().partitions(), replication).configs(history),
                new NewTopic(approvals, 1, replication).configs(history),
                new NewTopic(state, 1, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_STATE_BYTES))));
        try {
            Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = own.stream().filter(t -> !existing.contains(t.name())).toList();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new TopicAdministrator.TopicSetupException(
                                "cannot create topic " + result.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdministrator.TopicSetupException("interrupted while creating the actuator's topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicAdministrator.TopicSetupException("cannot reach the cluster to create the actuator's topics: " + e, e);
        }
    }

    private void awaitLeaders(Admin admin, long timeoutMillis) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = new ArrayList<>(List.of(audit, approvals, state));
        catalogue.all().forEach(spec -> names.add(spec.name()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            List<String> leaderless;
            try {
                var descriptions = admin.describeTopics(names).allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS);
                leaderless = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream().filter(p -> p.leader() == null || p.leader().isEmpty())
                                .map(p -> d.name() + "-" + p.partition()))
                        .toList();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                leaderless = List.of("a topic not yet known to the broker answering: " + e.getCause().getMessage());
            }
            if (leaderless.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TopicAdministrator.TopicSetupException("partitions without a leader after " + timeoutMillis + " ms: " + leaderless);
            }
            // topic creation is asynchronous on the brokers; there is no event to wait on through the Admin API
            Thread.sleep(50);
        }
    }
}
