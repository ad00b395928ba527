package dev.foresight.predictor.release;

import dev.foresight.predictor.FailurePredictor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of a model release: Java serialization of a {@link FailurePredictor}, gzip'd
 * ({@value #ENCODING}, the {@code payloadEncoding} of a ModelRelease record).
 *
 * <p>Encoding is deterministic (gzip's header carries no timestamp in the JDK), so a model's
 * bytes identify it. Decoding reads bytes that came over Kafka or from a file, so it fails closed: a payload over
 * {@link ModelLimits#maxPayloadBytes()} is refused unread, and the object stream may name only the exact classes a
 * model is made of, within the limits' depth, array length, reference count and size ({@link ModelGraphFilter}).
 * Anything else is a {@link ModelCodecException} naming what was refused, never another exception, a hang or an
 * exhausted heap. Java serialization stays because Smile 3.1 offers no other export of its models (see README).
 */
public final class ModelCodec {

    /** The payload encoding name to put in a model release. */
    public static final String ENCODING = "java-serialization+gzip";

    private ModelCodec() {
    }

    /** Serializes and compresses a model. */
    public static byte[] encode(FailurePredictor predictor) {
        Objects.requireNonNull(predictor, "predictor");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(predictor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize model " + predictor, e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decompresses and deserializes a model.
     *
     * @param limits what the payload may hold; {@code maxPayloadBytes} is the models topic's message limit
     * @throws ModelCodecException if the bytes are not a model this code can read, or hold more than a model may
     */
    public static FailurePredictor decode(byte[] payload, ModelLimits limits) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(limits, "limits");
        if (payload.length > limits.maxPayloadBytes()) {
            throw new ModelCodecException("model payload of " + payload.length + " bytes refused: over the limit of "
                    + limits.maxPayloadBytes() + " bytes (the models topic's max.message.bytes)");
        }
        ModelGraphFilter filter = new ModelGraphFilter(limits);
        CappedInput stream = null;
        Object decoded;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(payload))) {
            stream = new CappedInput(gzip, limits.maxStreamBytes());
            decoded = new ModelObjectInput(stream, filter).readObject();
            // GZIP checks its CRC only at the end of the stream, which readObject may never reach: a corrupt
            // payload could otherwise decode into a subtly different model. Drain it to verify the CRC.
            stream.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw failure(payload, filter, stream, e);
        }
        if (!(decoded instanceof FailurePredictor predictor)) {
            throw new ModelCodecException("model payload holds " + (decoded == null ? "null"
                    : "a " + decoded.getClass().getName())
                    + ", not a " + FailurePredictor.class.getSimpleName());
        }
        return predictor;
    }

    private static ModelCodecException failure(byte[] payload, ModelGraphFilter filter, CappedInput stream,
                                               Exception e) {
        String prefix = "model payload of " + payload.length + " bytes ";
        if (filter.refusal().isPresent()) {
            return new ModelCodecException(prefix + "refused: it holds " + filter.refusal().get(), e);
        }
        if (stream != null && stream.exceeded()) {
            return new ModelCodecException(prefix + "refused: it inflates to more than "
                    + filter.limits().maxStreamBytes() + " bytes", e);
        }
        if (e instanceof InvalidClassException) {
            return new ModelCodecException(prefix + "holds a class that is incompatible with this version: "
                    + e.getMessage(), e);
        }
        return new ModelCodecException(prefix + "is not a gzip'd serialized model (" + e + ")", e);
    }
}
