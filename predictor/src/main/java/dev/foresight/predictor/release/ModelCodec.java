package dev.foresight.predictor.release;

import dev.foresight.predictor.FailurePredictor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of a model release: Java serialization of a {@link FailurePredictor}, gzip'd
 * ({@value #ENCODING}, the {@code payloadEncoding} of a ModelRelease record).
 *
 * <p>Encoding is deterministic (gzip's header carries no timestamp in the JDK), so a model's
 * bytes identify it. Decoding reads bytes that came over Kafka, so it only accepts the classes a
 * model is made of (this module's, Smile's, and core {@code java.lang}/{@code java.util} ones)
 * and bounds the decompressed size and graph depth: foreign or hostile bytes fail with a
 * {@link ModelCodecException} instead of running arbitrary code or exhausting memory.
 */
public final class ModelCodec {

    /** The payload encoding name to put in a model release. */
    public static final String ENCODING = "java-serialization+gzip";

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxbytes=268435456;maxdepth=1000;maxrefs=50000000;"
                    + "dev.foresight.predictor.**;smile.**;java.lang.*;java.util.*;!*");

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
     * @throws ModelCodecException if the bytes are not a model this code can read
     */
    public static FailurePredictor decode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        Object decoded;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(payload));
             ObjectInputStream in = new ObjectInputStream(gzip)) {
            in.setObjectInputFilter(FILTER);
            decoded = in.readObject();
            // GZIP checks its CRC only at the end of the stream, which readObject may never reach: a corrupt
            // payload could otherwise decode into a subtly different model. Drain it to verify the CRC.
            gzip.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (InvalidClassException e) {
            throw new ModelCodecException("model payload of " + payload.length
                    + " bytes holds a class that is rejected or incompatible with this version: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new ModelCodecException("model payload of " + payload.length
                    + " bytes is not a gzip'd serialized model (" + e + ")", e);
        }
        if (!(decoded instanceof FailurePredictor predictor)) {
            throw new ModelCodecException("model payload holds a " + decoded.getClass().getName()
                    + ", not a " + FailurePredictor.class.getSimpleName());
        }
        return predictor;
    }
}
