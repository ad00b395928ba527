package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.predictor.Example;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExampleBufferTest {

    private static Example healthy(long time) {
        return Example.negative("n" + time % 3, time, new double[] {time, -time});
    }

    private static Example failing(long time) {
        return Example.positive("n" + time % 3, time, new double[] {time, Double.NaN}, 60_000L);
    }

    @Test
    void eachClassKeepsItsNewestUpToTheCapacity() {
        ExampleBuffer buffer = new ExampleBuffer(3);
        for (long t = 0; t < 10; t++) {
            buffer.add(healthy(t));
        }
        buffer.add(failing(1));
        buffer.add(failing(2));

        assertThat(buffer.snapshot()).containsExactly(failing(1), failing(2), healthy(7), healthy(8), healthy(9));
        assertThat(buffer.size(false)).isEqualTo(3);
        assertThat(buffer.size(true)).isEqualTo(2);
        assertThat(buffer.offered(false)).isEqualTo(10);
    }

    @Test
    void anExampleOlderThanAFullClassIsNotKept() {
        ExampleBuffer buffer = new ExampleBuffer(2);
        buffer.add(healthy(10));
        buffer.add(healthy(11));

        assertThat(buffer.add(healthy(5))).isFalse();
        assertThat(buffer.add(healthy(12))).isTrue();
        assertThat(buffer.snapshot()).containsExactly(healthy(11), healthy(12));
    }

    @Test
    void reweightedSnapshotRestoresTheOfferedClassMix() {
        ExampleBuffer buffer = new ExampleBuffer(4);
        for (long t = 0; t < 40; t++) {
            buffer.add(healthy(t));
        }
        buffer.add(failing(41));
        buffer.add(failing(42));

        double healthyWeight = buffer.reweightedSnapshot().stream().filter(e -> !e.failed()).mapToDouble(Example::weight).sum();
        double failingWeight = buffer.reweightedSnapshot().stream().filter(Example::failed).mapToDouble(Example::weight).sum();

        assertThat(healthyWeight).isEqualTo(40.0);
        assertThat(failingWeight).isEqualTo(2.0);
    }

    @Test
    void bytesRoundTripRestoresTheSameBuffer() {
        ExampleBuffer buffer = new ExampleBuffer(3);
        for (long t = 0; t < 7; t++) {
            buffer.add(t % 3 == 0 ? failing(t) : healthy(t));
        }
        buffer.add(healthy(6)); // a tie on time with different content

        ExampleBuffer restored = ExampleBuffer.fromBytes(buffer.toBytes());

        assertThat(restored.snapshot()).isEqualTo(buffer.snapshot());
        assertThat(restored.offered(true)).isEqualTo(buffer.offered(true));
        assertThat(restored.offered(false)).isEqualTo(buffer.offered(false));
        assertThat(restored.capacityPerClass()).isEqualTo(3);
        buffer.add(healthy(20));
        restored.add(healthy(20));
        assertThat(restored.toBytes()).isEqualTo(buffer.toBytes());
    }

    @Test
    void corruptBytesFailClearly() {
        ExampleBuffer buffer = new ExampleBuffer(3);
        buffer.add(healthy(1));
        byte[] bytes = buffer.toBytes();

        assertThatThrownBy(() -> ExampleBuffer.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt example buffer");
    }
}
