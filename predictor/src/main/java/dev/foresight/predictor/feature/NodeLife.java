package dev.foresight.predictor.feature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node's events say about its risk, beside its sensors: how many times it failed in the last 30 days, and how
 * long ago it last booted and was last repaired. With a decreasing hazard (Weibull shape below 1, as measured on HPC
 * systems) a node just back from repair is likelier to fail again than one that has run for weeks.
 *
 * <p>Features at a window end read only events at or before it, whatever order the events arrived in. Unknown
 * (no boot or repair seen yet) is NaN. Mutable, not thread-safe; {@link #toBytes()} for a state store.
 */
public final class NodeLife {

    /** The feature names, sorted, as they appear in a feature vector. */
    public static final List<String> FEATURE_NAMES = List.of("node.failures_30d", "node.hours_since_boot",
            "node.hours_since_repair");

    private static final long MEMORY_MILLIS = Duration.ofDays(30).toMillis();
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final byte FORMAT_VERSION = 1;
    private static final int KEPT = 256;

    /** The events that count. */
    public enum Event {
        FAILED, REPAIRED, BOOTED;

        /** The kind a node event of this type name is (the sources' FAILED, REPAIRED, BOOTED), or null if none. */
        public static Event ofEventType(String type) {
            for (Event e : values()) {
                if (e.name().equals(type)) {
                    return e;
                }
            }
            return null;
        }
    }

    private final List<Long> failures = new ArrayList<>();
    private final List<Long> repairs = new ArrayList<>();
    private final List<Long> boots = new ArrayList<>();

    /**
     * Records an event. Each kind keeps its newest {@value #KEPT} events, so the state stays bounded whatever the
     * source, and a query at any time sees every event before it that could count (a node failing more than that
     * within 30 days is broken beyond what a feature says).
     */
    public void record(Event event, long timeMillis) {
        List<Long> times = switch (event) {
            case FAILED -> failures;
            case REPAIRED -> repairs;
            case BOOTED -> boots;
        };
        int at = times.size();
        while (at > 0 && times.get(at - 1) > timeMillis) {
            at--;
        }
        times.add(at, timeMillis);
        while (times.size() > KEPT) {
            times.remove(0);
        }
    }

    /** The features at a window end, in {@link #FEATURE_NAMES} order. */
    public double[] featuresAt(long endMillis) {
        int recent = 0;
        for (long t : failures) {
            if (t <= endMillis && t > endMillis - MEMORY_MILLIS) {
                recent++;
            }
        }
        return new double[] {recent, hoursSince(boots, endMillis), hoursSince(repairs, endMillis)};
    }

    private static double hoursSince(List<Long> times, long endMillis) {
        for (int i = times.size() - 1; i >= 0; i--) {
            if (times.get(i) <= endMillis) {
                return (endMillis - times.get(i)) / MILLIS_PER_HOUR;
            }
        }
        return Double.NaN;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            for (List<Long> times : List.of(failures, repairs, boots)) {
                out.writeInt(times.size());
                for (long t : times) {
                    out.writeLong(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen on a byte array", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not a node life */
    public static NodeLife fromBytes(byte[] bytes) {
        NodeLife life = new NodeLife();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown node life format");
            }
            for (List<Long> times : List.of(life.failures, life.repairs, life.boots)) {
                int n = in.readInt();
                if (n < 0 || n > bytes.length / 8) {
                    throw new IllegalArgumentException("implausible count " + n);
                }
                for (int i = 0; i < n; i++) {
                    times.add(in.readLong());
                }
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after node life");
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt node life (" + bytes.length + " bytes)", e);
        }
        return life;
    }
}
