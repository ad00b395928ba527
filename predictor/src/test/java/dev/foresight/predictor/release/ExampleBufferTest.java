package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.predictor.Example;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleBufferTest {

    private static Example healthy(long time) {
        return Example.negative("n" + time % 3, time, new double[] {time, -time});
    }

    private static Example failing(long time) {
        return Example.positive("n" + time % 3, time, new double[] {time, Double.NaN}, 60_000L);
    }

    @Test
    void eachClassKeepsAUniformSampleUpToTheCapacity() {
        ExampleBuffer buffer = new ExampleBuffer(3);
        for (long t = 0; t < 10; t++) {
            buffer.add(healthy(t));
        }
        buffer.add(failing(1));
        buffer.add(failing(2));

        assertThat(buffer.size(false)).isEqualTo(3);
        assertThat(buffer.size(true)).isEqualTo(2);
        assertThat(buffer.offered(false)).isEqualTo(10);
        assertThat(buffer.snapshot()).contains(failing(1), failing(2)).extracting(Example::timeMillis).isSorted();
    }

    @Test
    void theHealthyWindowsSpanTheFailuresTimeRange() {
        // a day of one node's windows every 5 minutes, a failure window every few hours: the healthy windows kept must
        // cover the day as the failures do, not its last hours (the buffer once kept each class's newest, and the model
        // learnt the cluster's load history as "failure")
        ExampleBuffer buffer = new ExampleBuffer(50);
        long minute = 60_000;
        for (long t = 0; t < 24 * 60; t += 5) {
            buffer.add(Example.negative("n" + (t % 7), t * minute, new double[] {t}));
            if (t % 180 == 0) {
                buffer.add(Example.positive("n1", t * minute, new double[] {t}, 10 * minute));
            }
        }
        List<Long> healthy = buffer.snapshot().stream().filter(e -> !e.failed()).map(Example::timeMillis).toList();
        List<Long> failures = buffer.snapshot().stream().filter(Example::failed).map(Example::timeMillis).toList();

        assertThat(healthy).hasSize(50);
        assertThat(healthy.get(0)).as("oldest healthy window kept").isLessThan(failures.get(1));
        assertThat(healthy.get(healthy.size() - 1)).as("newest healthy window kept").isGreaterThan(failures.get(failures.size() - 2));
        long inFirstHalf = healthy.stream().filter(t -> t < 12 * 60 * minute).count();
        assertThat(inFirstHalf).as("about half the sample in the first half of the day").isBetween(15L, 35L);
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
