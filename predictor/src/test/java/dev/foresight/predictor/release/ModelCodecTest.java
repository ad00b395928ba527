package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.Fixtures;
import dev.foresight.predictor.calibration.ProbabilityScale;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelCodecTest {

    /** The models topic's default message limit (TopicSettings, which this module cannot see). */
    static final ModelLimits LIMITS = new ModelLimits(16 * 1024 * 1024);

    /** Refusals are cheap: a hostile payload that takes longer is one the decoder is working on. */
    private static final Duration QUICKLY = Duration.ofSeconds(3);

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void roundTripScoresIdenticallyAndReencodesToTheSameBytes(Algorithm algorithm) {
        FailurePredictor model = Fixtures.model(algorithm);
        List<Example> validation = Fixtures.split().validation();

        byte[] bytes = ModelCodec.encode(model);
        FailurePredictor decoded = ModelCodec.decode(bytes, LIMITS);

        assertThat(decoded.probabilities(validation)).containsExactly(model.probabilities(validation));
        assertThat(decoded.schema()).isEqualTo(model.schema());
        assertThat(decoded.summary()).isEqualTo(model.summary());
        assertThat(ModelCodec.encode(decoded)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aModelWithAProbabilityScaleRoundTrips(Algorithm algorithm) {
        FailurePredictor model = Fixtures.model(algorithm).withScale(new ProbabilityScale(2.0, -1.0));
        List<Example> validation = Fixtures.split().validation();

        FailurePredictor decoded = ModelCodec.decode(ModelCodec.encode(model), LIMITS);

        assertThat(decoded.scale()).contains(new ProbabilityScale(2.0, -1.0));
        assertThat(decoded.probabilities(validation)).containsExactly(model.probabilities(validation));
    }

    @Test
    void flippedBytesAreReportedNotSilentlyDecoded() {
        byte[] bytes = ModelCodec.encode(Fixtures.model(Algorithm.LOGISTIC_REGRESSION));
        byte[] corrupt = bytes.clone();
        corrupt[corrupt.length / 2] ^= 0x5A;

        assertThatThrownBy(() -> ModelCodec.decode(corrupt, LIMITS))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("not a gzip'd serialized model");
    }

    @Test
    void truncatedEmptyAndForeignBytesAreReported() {
        byte[] bytes = ModelCodec.encode(Fixtures.model(Algorithm.LOGISTIC_REGRESSION));

        assertThatThrownBy(() -> ModelCodec.decode(Arrays.copyOf(bytes, bytes.length - 10), LIMITS))
                .isInstanceOf(ModelCodecException.class);
        assertThatThrownBy(() -> ModelCodec.decode(new byte[0], LIMITS))
                .isInstanceOf(ModelCodecException.class);
        assertThatThrownBy(() -> ModelCodec.decode("{\"model\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), LIMITS))
                .isInstanceOf(ModelCodecException.class);
    }

    @Test
    void anotherSerializedObjectIsNotAModel() {
        assertThatThrownBy(() -> ModelCodec.decode(HostilePayloads.payload("just a string"), LIMITS))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("java.lang.String, not a FailurePredictor");
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedByName() {
        assertThatThrownBy(() -> ModelCodec.decode(HostilePayloads.payload(URI.create("http://example.org/")), LIMITS))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("refused: it holds class java.net.URI, which is no part of a model");
    }

    @Test
    void aSerialProxyThatResolvesToAClassOutsideTheAllowListIsRefused() {
        // List.copyOf's proxy (CollSer) is allowed, and can resolve to a Set, whose construction hashes its elements
        assertThatThrownBy(() -> ModelCodec.decode(HostilePayloads.payload((java.io.Serializable) Set.of("a")), LIMITS))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("refused: it holds class java.util.ImmutableCollections$Set12");
    }

    @Test
    void nestedHashSetsAreRefusedQuickly() {
        byte[] serialDos = HostilePayloads.nestedHashSets();

        ModelCodecException refused = assertTimeoutPreemptively(QUICKLY, () ->
                org.junit.jupiter.api.Assertions.assertThrows(ModelCodecException.class,
                        () -> ModelCodec.decode(serialDos, LIMITS)));

        assertThat(serialDos.length).as("the attack is small").isLessThan(8 * 1024);
        assertThat(refused).hasMessageContaining("class java.util.HashSet, which is no part of a model");
    }

    @Test
    void nestedHashMapsAreRefusedQuicklyThoughAModelNeedsHashMap() {
        byte[] serialDos = HostilePayloads.nestedHashMaps();

        ModelCodecException refused = assertTimeoutPreemptively(QUICKLY, () ->
                org.junit.jupiter.api.Assertions.assertThrows(ModelCodecException.class,
                        () -> ModelCodec.decode(serialDos, LIMITS)));

        assertThat(refused).hasMessageContaining("a java.util.HashMap holding a java.util.HashMap");
    }

    @Test
    void aHugeDeclaredArrayIsRefusedWithoutAllocatingIt() {
        // 16 GiB: allocating it would end in OutOfMemoryError, not in this exception
        byte[] payload = HostilePayloads.declaredDoubleArray(Integer.MAX_VALUE - 8);

        assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> ModelCodec.decode(payload, LIMITS)))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("an array of 2147483639 elements (double[])")
                .hasMessageContaining("at most " + ModelLimits.MAX_ARRAY_LENGTH);
    }

    @Test
    void aGraphNestedDeeperThanAnyModelIsRefused() {
        assertThatThrownBy(() -> ModelCodec.decode(HostilePayloads.nestedArrays(1000), LIMITS))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("an object graph nested " + (ModelLimits.MAX_DEPTH + 1) + " deep");
    }

    @Test
    void aPayloadOverTheTopicLimitIsRefusedUnread() {
        ModelLimits oneMebibyte = new ModelLimits(1 << 20);

        assertThatThrownBy(() -> ModelCodec.decode(new byte[(1 << 20) + 1], oneMebibyte))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("model payload of 1048577 bytes refused: over the limit of 1048576 bytes");
    }

    @Test
    void aPayloadThatInflatesPastTheLimitIsRefused() {
        // 12 MB of one letter: a string, which the object filter never sees, gzip'd to a few kilobytes
        byte[] bomb = HostilePayloads.payload("a".repeat(12 << 20));
        ModelLimits oneMebibyte = new ModelLimits(1 << 20);

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> ModelCodec.decode(bomb, oneMebibyte))
                .isInstanceOf(ModelCodecException.class)
                .hasMessageContaining("refused: it inflates to more than " + (4 << 20) + " bytes");
    }
}
