package dev.foresight.predictor.feature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * One node's recent samples, in time order, bounded by the longest feature window: the state a
 * stream processor keeps per node.
 *
 * <p>A sample is kept while {@code time > newest - retention}; older ones can no longer fall in
 * any window that ends at or after the newest sample. Late samples are inserted in time order; a
 * sample at an already-held time replaces the held one, so re-processing the same input after a
 * restart is idempotent. A hard cap on the number of samples protects the state store against a
 * source that samples much faster than expected (the oldest samples go first).
 *
 * <p>Mutable and not thread-safe, like any per-key processor state. {@link #toBytes()} gives a
 * compact encoding for a state store (metric names written once per buffer, not per sample).
 */
public final class SlidingWindow implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final byte FORMAT_VERSION = 1;

    private final long retentionMillis;
    private final int maxSamples;
    private final ArrayList<Sample> samples = new ArrayList<>();
    /** The samples column-wise for feature extraction; null until asked for, or after an out-of-order insert. */
    private transient SampleColumns columns;

    /**
     * @param retention  how far back from the newest sample to keep; normally {@link FeatureSpec#longestWindow()}
     * @param maxSamples hard cap on the number of samples held
     */
    public SlidingWindow(Duration retention, int maxSamples) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be at least 1: " + maxSamples);
        }
        this.retentionMillis = retention.toMillis();
        this.maxSamples = maxSamples;
    }

    /**
     * A window retaining the spec's longest window, capped at 10,000 samples: room for a two-hour
     * window sampled every second, while a runaway source cannot grow one node's state without bound.
     */
    public static SlidingWindow forSpec(FeatureSpec spec) {
        return new SlidingWindow(spec.longestWindow(), 10_000);
    }

    /**
     * Adds a sample.
     *
     * @return false if the sample is too old to matter (before the retention of the newest sample) and was not kept
     */
    public boolean add(Sample sample) {
        return add(sample, evictedTime -> { });
    }

    /**
     * Adds a sample and tells {@code evicted} the time of every sample the add pushed out of the window, oldest
     * first: what a store mirroring the window must delete.
     *
     * @return false if the sample is too old to matter (before the retention of the newest sample) and was not kept
     */
    public boolean add(Sample sample, LongConsumer evicted) {
        return addEvicting(sample, s -> evicted.accept(s.timeMillis()));
    }

    /**
     * Adds a sample and hands {@code evicted} every sample the add pushed out of the window, oldest first: what a
     * store mirroring the window must delete, and what a node's {@link NodeBaselines} learn from.
     *
     * @return false if the sample is too old to matter (before the retention of the newest sample) and was not kept
     */
    public boolean addEvicting(Sample sample, java.util.function.Consumer<Sample> evicted) {
        if (!samples.isEmpty() && sample.timeMillis() <= newestTimeMillis() - retentionMillis) {
            return false;
        }
        int position = Collections.binarySearch(samples, sample,
                (a, b) -> Long.compare(a.timeMillis(), b.timeMillis()));
        if (position >= 0) {
            samples.set(position, sample);
            columns = null;
        } else if (-position - 1 == samples.size()) {
            samples.add(sample);
            if (columns != null) {
                columns.append(sample);
            }
        } else {
            samples.add(-position - 1, sample);
            columns = null; // late samples are rare: rebuild rather than shift every column
        }
        evict(evicted);
        return true;
    }

    /** The samples held, oldest first; an unmodifiable view valid until the next {@link #add}. */
    public List<Sample> samples() {
        return Collections.unmodifiableList(samples);
    }

    /** The number of samples held. */
    public int size() {
        return samples.size();
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /** Time of the newest sample; only when not empty. */
    public long newestTimeMillis() {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        return samples.get(samples.size() - 1).timeMillis();
    }

    public Duration retention() {
        return Duration.ofMillis(retentionMillis);
    }

    public int maxSamples() {
        return maxSamples;
    }

    private void evict(java.util.function.Consumer<Sample> evicted) {
        long cutoff = newestTimeMillis() - retentionMillis;
        int expired = 0;
        while (expired < samples.size() && samples.get(expired).timeMillis() <= cutoff) {
            expired++;
        }
        int excess = Math.max(expired, samples.size() - maxSamples);
        if (excess > 0) {
            for (int i = 0; i < excess; i++) {
                evicted.accept(samples.get(i));
            }
            samples.subList(0, excess).clear();
            if (columns != null) {
                columns.dropOldest(excess);
            }
        }
    }

    /** The held samples column-wise, kept up to date as samples arrive in order. */
    SampleColumns columns() {
        if (columns == null) {
            columns = SampleColumns.of(samples);
        }
        return columns;
    }

    /** Compact, versioned encoding of the whole state (settings and samples). */
    public byte[] toBytes() {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        for (Sample sample : samples) {
            for (String name : sample.metrics().keySet()) {
                dictionary.putIfAbsent(name, dictionary.size());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(retentionMillis);
            out.writeInt(maxSamples);
            out.writeInt(dictionary.size());
            for (String name : dictionary.keySet()) {
                out.writeUTF(name);
            }
            out.writeInt(samples.size());
            for (Sample sample : samples) {
                out.writeLong(sample.timeMillis());
                out.writeInt(sample.metrics().size());
                for (Map.Entry<String, Double> metric : sample.metrics().entrySet()) {
                    out.writeInt(dictionary.get(metric.getKey()));
                    out.writeDouble(metric.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen on a byte array", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if the bytes are not a sliding window of a known format
     */
    public static SlidingWindow fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown sliding window format version " + version);
            }
            SlidingWindow window = new SlidingWindow(Duration.ofMillis(in.readLong()), in.readInt());
            String[] dictionary = new String[count(in, bytes.length)];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = in.readUTF();
            }
            int count = count(in, bytes.length);
            for (int s = 0; s < count; s++) {
                long time = in.readLong();
                int metrics = count(in, bytes.length);
                TreeMap<String, Double> values = new TreeMap<>();
                for (int m = 0; m < metrics; m++) {
                    values.put(dictionary[in.readInt()], in.readDouble());
                }
                if (!window.samples.isEmpty() && time <= window.newestTimeMillis()) {
                    throw new IllegalArgumentException("samples not in strictly increasing time order");
                }
                window.samples.add(new Sample(time, values));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after sliding window");
            }
            if (window.samples.size() > window.maxSamples) {
                throw new IllegalArgumentException("more samples than the cap of " + window.maxSamples);
            }
            return window;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt sliding window bytes (" + bytes.length + " bytes)", e);
        }
    }

    /** A count read from the bytes, checked against what the bytes could hold, so garbage cannot allocate gigabytes. */
    private static int count(DataInputStream in, int available) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > available) {
            throw new IllegalArgumentException("implausible count " + count);
        }
        return count;
    }
}
