package dev.foresight.predictor.release;

import dev.foresight.predictor.Example;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The bounded training set a streaming trainer keeps: at most {@code capacityPerClass} positive and at most as
 * many negative examples, each class a uniform sample of everything it was offered.
 *
 * <p>Each example gets a pseudo-random priority from its node and time (a fixed hash, so the same example always
 * gets the same priority) and a full class keeps the examples with the smallest priorities (bottom-k sampling):
 * a uniform sample over the whole stream, whatever the order of arrival. Keeping each class's newest instead left
 * the healthy windows covering the last few hours while the rare failures reached back to the start, so the model
 * learnt the difference between two periods of the cluster's load as "failure". Bounding each class separately
 * keeps the rare failures: a single shared bound would fill with healthy windows. The state is a pure function of
 * the set of examples added (and, among identical ones, of their order).
 *
 * <p>Because the classes are capped separately, the buffer's class mix is not the stream's.
 * {@link #reweightedSnapshot()} compensates with weights, so precision measured on it (threshold calibration,
 * evaluation) estimates precision on the stream; with uniform sampling that estimate is unbiased.
 *
 * <p>{@link #toBytes()} / {@link #fromBytes(byte[])} give a compact encoding for a changelogged state store; a
 * restored buffer behaves exactly as the original would. Mutable and not thread-safe.
 */
public final class ExampleBuffer {

    private static final byte FORMAT_VERSION = 2;

    private final int capacityPerClass;
    private final ClassQueue positives = new ClassQueue();
    private final ClassQueue negatives = new ClassQueue();
    private long nextSequence;

    public ExampleBuffer(int capacityPerClass) {
        if (capacityPerClass < 1) {
            throw new IllegalArgumentException("capacityPerClass must be at least 1: " + capacityPerClass);
        }
        this.capacityPerClass = capacityPerClass;
    }

    /**
     * Adds an example to its class, evicting the example of highest priority if the class is full.
     *
     * @return false if the example itself was the one not kept
     */
    public boolean add(Example example) {
        ClassQueue queue = queue(example.failed());
        queue.offered++;
        Key key = new Key(priority(example), nextSequence++);
        queue.examples.put(key, example);
        if (queue.examples.size() > capacityPerClass) {
            return !queue.examples.pollLastEntry().getKey().equals(key);
        }
        return true;
    }

    /** A fixed pseudo-random priority in [0, 2^63) from the example's node and time (SplitMix64's finaliser). */
    static long priority(Example example) {
        long z = example.nodeId().hashCode() * 0x9E3779B97F4A7C15L + example.timeMillis();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    /** Every example held, in time order (ties: insertion order), positives and negatives merged. */
    public List<Example> snapshot() {
        List<Keyed> all = new ArrayList<>();
        positives.examples.forEach((key, example) -> all.add(new Keyed(key, example)));
        negatives.examples.forEach((key, example) -> all.add(new Keyed(key, example)));
        all.sort(Comparator.comparingLong((Keyed k) -> k.example().timeMillis()).thenComparingLong(k -> k.key().sequence()));
        return all.stream().map(Keyed::example).toList();
    }

    /**
     * {@link #snapshot()} with each example's weight multiplied by its class's
     * {@code offered / held} ratio, so weighted class totals match the mix of everything ever
     * offered. An estimate: it assumes the class mix did not drift over the stream's life.
     */
    public List<Example> reweightedSnapshot() {
        double positiveFactor = positives.factor();
        double negativeFactor = negatives.factor();
        return snapshot().stream()
                .map(e -> e.withWeight(e.weight() * (e.failed() ? positiveFactor : negativeFactor)))
                .toList();
    }

    public int capacityPerClass() {
        return capacityPerClass;
    }

    /** Examples held. */
    public int size() {
        return positives.examples.size() + negatives.examples.size();
    }

    /** Examples held of one class. */
    public int size(boolean failed) {
        return queue(failed).examples.size();
    }

    /** Examples ever offered to one class, kept or not. */
    public long offered(boolean failed) {
        return queue(failed).offered;
    }

    private ClassQueue queue(boolean failed) {
        return failed ? positives : negatives;
    }

    /** Compact, versioned encoding of the whole state. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeInt(capacityPerClass);
            out.writeLong(positives.offered);
            out.writeLong(negatives.offered);
            List<Example> held = snapshot();
            out.writeInt(held.size());
            for (Example example : held) {
                write(out, example);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen on a byte array", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores a buffer from {@link #toBytes()}. Held examples keep their relative order, so
     * ties on time break exactly as they would have in the original: the restored buffer holds,
     * evicts and snapshots exactly as the original would.
     *
     * @throws IllegalArgumentException if the bytes are not an example buffer of a known format
     */
    public static ExampleBuffer fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown example buffer format version " + version
                        + " (version 1 kept each class's newest: a trainer restarted on it starts a new buffer)");
            }
            ExampleBuffer buffer = new ExampleBuffer(in.readInt());
            buffer.positives.offered = in.readLong();
            buffer.negatives.offered = in.readLong();
            int count = count(in, bytes.length);
            for (int i = 0; i < count; i++) {
                Example example = read(in, bytes.length);
                // written in snapshot order, so fresh sequence numbers keep every tie as it was
                buffer.queue(example.failed()).examples.put(new Key(priority(example), buffer.nextSequence++), example);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after example buffer");
            }
            if (buffer.size(true) > buffer.capacityPerClass || buffer.size(false) > buffer.capacityPerClass) {
                throw new IllegalArgumentException("more examples than the capacity per class");
            }
            return buffer;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt example buffer bytes (" + bytes.length + " bytes)", e);
        }
    }

    private static void write(DataOutputStream out, Example example) throws IOException {
        out.writeUTF(example.nodeId());
        out.writeLong(example.timeMillis());
        out.writeBoolean(example.failed());
        out.writeBoolean(example.leadTimeMillis() != null);
        if (example.leadTimeMillis() != null) {
            out.writeLong(example.leadTimeMillis());
        }
        out.writeDouble(example.weight());
        out.writeInt(example.featureCount());
        for (int j = 0; j < example.featureCount(); j++) {
            out.writeDouble(example.feature(j));
        }
    }

    private static Example read(DataInputStream in, int available) throws IOException {
        String nodeId = in.readUTF();
        long time = in.readLong();
        boolean failed = in.readBoolean();
        Long lead = in.readBoolean() ? in.readLong() : null;
        double weight = in.readDouble();
        double[] features = new double[count(in, available)];
        for (int j = 0; j < features.length; j++) {
            features[j] = in.readDouble();
        }
        return new Example(nodeId, time, features, failed, lead, weight);
    }

    /** A count read from the bytes, checked against what the bytes could hold, so garbage cannot allocate gigabytes. */
    private static int count(DataInputStream in, int available) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > available) {
            throw new IllegalArgumentException("implausible count " + count);
        }
        return count;
    }

    /** Keeping order within a class: lowest priority first, then first added; a full class lets the last go. */
    private record Key(long priority, long sequence) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::priority).thenComparingLong(Key::sequence);
    }

    private record Keyed(Key key, Example example) {
    }

    private static final class ClassQueue {
        final TreeMap<Key, Example> examples = new TreeMap<>(Key.ORDER);
        long offered;

        double factor() {
            return examples.isEmpty() ? 1.0 : (double) offered / examples.size();
        }
    }
}
