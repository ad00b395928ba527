package dev.foresight.predictor.release;

/**
 * How much a model payload may hold, all derived from one number: the largest payload accepted, which is the models
 * topic's {@code max.message.bytes} ({@code TopicSettings.maxModelBytes}, 16 MiB by default), so a model that fits on
 * the topic also decodes, and nothing the topic would refuse does.
 *
 * <p>Measured on the largest models the project produces (README "Model payloads"): the default forest (80 trees x
 * 200 leaves) grown on pure noise is 0.5 MB gzip'd, 1.1 MB of serialization stream, 46,000 object references,
 * graph depth 25 and no array over 128 elements. The bounds below leave an order of magnitude or more above that.
 *
 * @param maxPayloadBytes the largest compressed payload decoded; larger ones are refused unread
 */
public record ModelLimits(int maxPayloadBytes) {

    /**
     * Nesting depth of the object graph: a tree of depth d nests about d + 5 deep (default tree depth 20 measured 25),
     * so trees up to depth 120 still decode. Also what keeps a hostile graph from overflowing the stack.
     */
    public static final int MAX_DEPTH = 128;

    /**
     * Elements of any one array (or collection capacity): model arrays are as long as the feature count or the number
     * of trees (measured at most 128; 65,536 allows that many features or trees). Checked before the array is allocated, so a declared {@code double[2^31-9]} is
     * refused without costing memory.
     */
    public static final int MAX_ARRAY_LENGTH = 1 << 16;

    /** Serialization stream bytes per payload byte: gzip shrinks real models 1.6 to 2.2 times. */
    static final int MAX_EXPANSION = 4;

    /** Stream bytes per object reference: real models spend 24 to 51, a reference itself takes at least 5. */
    static final int MIN_BYTES_PER_REFERENCE = 8;

    public ModelLimits {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("max payload bytes must be positive, got " + maxPayloadBytes);
        }
    }

    /** Bytes of the serialization stream (after decompression): what bounds a gzip bomb. */
    public long maxStreamBytes() {
        return (long) MAX_EXPANSION * maxPayloadBytes;
    }

    /** Objects and back-references in the graph: what bounds the decoder's handle table. */
    public long maxReferences() {
        return maxStreamBytes() / MIN_BYTES_PER_REFERENCE;
    }

    @Override
    public String toString() {
        return "payload <= " + maxPayloadBytes + " bytes, stream <= " + maxStreamBytes() + " bytes, references <= "
                + maxReferences() + ", depth <= " + MAX_DEPTH + ", arrays <= " + MAX_ARRAY_LENGTH + " elements";
    }
}
