package dev.foresight.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams client settings for a closed loop that waits on the topology every tick.
 *
 * <p>A tick reaches the actuator only when Streams commits it. Streams commits once {@code commit.interval.ms}
 * has passed, but checks only between polls, and with no more input (the loop waits for this very tick) a poll
 * blocks for {@code poll.ms}, 100 ms by default: the whole tick would wait up to that long on every stage. The
 * defaults here bound that hand-off to a few tens of milliseconds; an idle thread then polls every few
 * milliseconds instead of every tenth of a second, which costs nothing measurable next to a tick's work.
 */
public final class LockstepTuning {

    /** How often Streams commits, and so hands a processed tick downstream. */
    public static final int COMMIT_INTERVAL_MS = 20;
    /** How long an idle stream thread blocks in poll before it looks at the commit interval again. */
    public static final int POLL_MS = 5;

    private LockstepTuning() {}

    /** {@code client} with the lockstep commit and poll settings added where it does not set them itself. */
    public static Map<String, Object> streamsClient(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        return props;
    }
}
