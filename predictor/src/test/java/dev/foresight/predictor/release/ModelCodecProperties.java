package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever bytes arrive, decoding gives a model or a ModelCodecException: never another exception, a hang or an OOM. */
class ModelCodecProperties {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Property(tries = 300)
    void arbitraryBytes(@ForAll @Size(max = 4096) byte[] bytes) {
        assertModelOrRefusal(bytes);
    }

    @Property(tries = 300)
    void arbitraryBytesBehindAValidGzipAndStreamHeader(@ForAll @Size(max = 4096) byte[] bytes) {
        byte[] stream = new byte[bytes.length + 4];
        stream[0] = (byte) 0xAC;
        stream[1] = (byte) 0xED;
        stream[3] = 5;
        System.arraycopy(bytes, 0, stream, 4, bytes.length);
        assertModelOrRefusal(HostilePayloads.gzip(stream));
    }

    @Property(tries = 500)
    void aRealModelWithSomeBytesOverwritten(@ForAll("edits") int[] edits, @ForAll Algorithm algorithm) {
        byte[] stream = RealStreams.of(algorithm).clone();
        for (int i = 0; i + 1 < edits.length; i += 2) {
            stream[Math.floorMod(edits[i], stream.length)] = (byte) edits[i + 1];
        }
        assertModelOrRefusal(HostilePayloads.gzip(stream));
    }

    @Property(tries = 100)
    void aRealModelCutShort(@ForAll double fraction, @ForAll Algorithm algorithm) {
        byte[] stream = RealStreams.of(algorithm);
        int keep = (int) (Math.abs(fraction % 1.0) * stream.length);
        assertModelOrRefusal(HostilePayloads.gzip(java.util.Arrays.copyOf(stream, keep)));
    }

    @Provide
    Arbitrary<int[]> edits() {
        return Arbitraries.integers().array(int[].class).ofMinSize(2).ofMaxSize(16);
    }

    private static void assertModelOrRefusal(byte[] payload) {
        Object outcome = assertTimeoutPreemptively(BOUND, () -> {
            try {
                return ModelCodec.decode(payload, ModelCodecTest.LIMITS);
            } catch (ModelCodecException refused) {
                return refused;
            }
        });
        assertThat(outcome).isInstanceOfAny(FailurePredictor.class, ModelCodecException.class);
    }

    /** The uncompressed serialization streams of real models, to edit before compressing again. */
    private static final class RealStreams {
        private static final java.util.Map<Algorithm, byte[]> STREAMS = new java.util.EnumMap<>(Algorithm.class);

        static synchronized byte[] of(Algorithm algorithm) {
            return STREAMS.computeIfAbsent(algorithm, a -> {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(
                        ModelCodec.encode(Fixtures.model(a))))) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    return out.toByteArray();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
