package dev.foresight.producers.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the agent runs.
 *
 * @param nodeId   the node id its telemetry is keyed by (default: the host name)
 * @param interval time between two samples (default 10 s)
 * @param count    samples to publish; 0 runs until stopped
 * @param root     the directory {@code proc/} and {@code sys/} are read under: "/" on a host, a fixture
 *                 tree in tests
 */
public record HostAgentOptions(String nodeId, Duration interval, long count, Path root) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** The node ids the streams application accepts (StreamsSettings' default pattern). */
    public static final String NODE_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    public HostAgentOptions {
        Objects.requireNonNull(nodeId, "nodeId");
        if (!nodeId.matches(NODE_ID_PATTERN)) {
            throw new IllegalArgumentException("node id '" + nodeId + "' must be 1 to 128 letters, digits, '.', '_', ':' or '-', "
                    + "starting with a letter or digit (the pipeline rejects other ids)");
        }
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 (0 = until stopped): " + count);
        }
        Objects.requireNonNull(root, "root");
    }

    /** The host name as a valid node id. */
    public static String defaultNodeId(ProcReader proc) {
        String name = proc.value(proc.resolve("proc/sys/kernel/hostname")).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "localhost";
            }
        });
        String cleaned = name.replaceAll("[^A-Za-z0-9._:-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return cleaned.isEmpty() ? "localhost" : cleaned.substring(0, Math.min(128, cleaned.length()));
    }
}
