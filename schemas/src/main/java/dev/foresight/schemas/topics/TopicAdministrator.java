package dev.foresight.schemas.topics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalogue's topics on a cluster, idempotently, and checks existing ones match. */
public final class TopicAdministrator {

    private final Admin admin;
    private final long timeoutMillis;

    public TopicAdministrator(Admin admin, long timeoutMillis) {
        this.admin = admin;
        this.timeoutMillis = timeoutMillis;
    }

    /** Creates every missing topic; returns the names it created. */
    public List<String> createMissing(TopicCatalogue catalogue) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = catalogue.all().stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(TopicSpec::toNewTopic)
                    .toList();
            if (missing.isEmpty()) {
                verifyPartitions(catalogue);
                return List.of();
            }
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // Another instance created it between our listing and our request: fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new TopicSetupException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            verifyPartitions(catalogue);
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicSetupException("cannot reach the cluster to create topics: " + e, e);
        }
    }

    /** Co-partitioned topics must agree, or joins and lockstep markers silently break. */
    private void verifyPartitions(TopicCatalogue catalogue) throws ExecutionException, InterruptedException, TimeoutException {
        List<String> names = catalogue.all().stream().map(TopicSpec::name).toList();
        var descriptions = describeWhenVisible(names);
        for (TopicSpec spec : catalogue.all()) {
            TopicDescription d = descriptions.get(spec.name());
            if (d != null && d.partitions().size() != spec.partitions()) {
                throw new TopicSetupException("topic " + spec.name() + " exists with " + d.partitions().size()
                        + " partitions but the catalogue expects " + spec.partitions()
                        + "; delete it or set the partitions setting to match");
            }
        }
    }

    /** New topics take a moment to reach the broker's metadata cache and to elect leaders; wait for both. */
    private java.util.Map<String, TopicDescription> describeWhenVisible(List<String> names)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            try {
                var described = admin.describeTopics(names).allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS);
                // A partition without a leader yet makes the first transactional write fail fatally.
                boolean allLed = described.values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (allLed || System.nanoTime() > deadline) {
                    return described;
                }
                Thread.sleep(50); // back-off between metadata polls, not synchronisation
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50); // back-off between metadata polls, not synchronisation
            }
        }
    }

    /** Topic setup failed; the message says which topic and why. */
    public static final class TopicSetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TopicSetupException(String message) {
            super(message);
        }

        public TopicSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
