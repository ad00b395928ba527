package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void roundTripScoresIdenticallyAndReencodesToTheSameBytes(Algorithm algorithm) {
        FailurePredictor model = Fixtures.model(algorithm);
        List<Example> validation = Fixtures.split().validation();

        byte[] bytes = ModelCodec.encode(model);
        FailurePredictor decoded = ModelCodec.decode(bytes);

        assertThat(decoded.probabilities(validation)).containsExactly(model.probabilities(validation));
        assertThat(decoded.schema()).isEqualTo(model.schema());
        assertThat(decoded.summary()).isEqualTo(model.summary());
        assertThat(ModelCodec.encode(decoded)).isEqualTo(bytes);
    }

    @Test
    void flippedBytesAreReportedNotSilentlyDecoded() {
        byte[] bytes = ModelCodec.encode(Fixtures.model(Algorithm.LOGISTIC_REGRESSION));
        byte[] corrupt = bytes.clone();
        corrupt[corrupt.length / 2] ^= 0x5A;

        assertThatThrownBy(() -> ModelCodec.decode(corrupt))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("not a gzip'd serialized model");
    }

    @Test
    void truncatedEmptyAndForeignBytesAreReported() {
        byte[] bytes = ModelCodec.encode(Fixtures.model(Algorithm.LOGISTIC_REGRESSION));

        assertThatThrownBy(() -> ModelCodec.decode(Arrays.copyOf(bytes, bytes.length - 10)))
                .isInstanceOf(ModelCodecException.class);
        assertThatThrownBy(() -> ModelCodec.decode(new byte[0]))
                .isInstanceOf(ModelCodecException.class);
        assertThatThrownBy(() -> ModelCodec.decode("{\"model\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ModelCodecException.class);
    }

    @Test
    void anotherSerializedObjectIsNotAModel() throws IOException {
        assertThatThrownBy(() -> ModelCodec.decode(gzipSerialized("just a string")))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("java.lang.String, not a FailurePredictor");
    }

    @Test
    void classesOutsideTheAllowListAreRejectedBeforeTheyAreBuilt() throws IOException {
        assertThatThrownBy(() -> ModelCodec.decode(gzipSerialized(URI.create("http://example.org/"))))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("rejected");
    }

    private static byte[] gzipSerialized(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
