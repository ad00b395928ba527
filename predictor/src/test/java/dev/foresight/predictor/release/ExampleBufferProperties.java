package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.Example;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ExampleBufferProperties {

    @Provide
    Arbitrary<List<Example>> streams() {
        Arbitrary<Example> example = Combinators.combine(
                        Arbitraries.longs().between(0, 50),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3))
                .as((time, failed, node) -> failed
                        ? Example.positive("n" + node, time, new double[] {time}, 1_000L)
                        : Example.negative("n" + node, time, new double[] {-time}));
        return example.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void eachClassHoldsItsLowestPriorityExamplesUpToTheCapacity(@ForAll("streams") List<Example> stream,
                                                        @ForAll @IntRange(min = 1, max = 8) int capacity) {
        ExampleBuffer buffer = new ExampleBuffer(capacity);
        stream.forEach(buffer::add);

        for (boolean failed : new boolean[] {true, false}) {
            List<Example> offered = stream.stream().filter(e -> e.failed() == failed).toList();
            assertThat(buffer.size(failed)).isEqualTo(Math.min(capacity, offered.size()));
            assertThat(buffer.offered(failed)).isEqualTo(offered.size());
            assertThat(buffer.snapshot().stream().filter(e -> e.failed() == failed).toList())
                    .isEqualTo(sample(offered, capacity));
        }
    }

    @Property(tries = 200)
    void restoredBufferEvolvesExactlyAsTheOriginal(@ForAll("streams") List<Example> before,
                                                   @ForAll("streams") List<Example> after,
                                                   @ForAll @IntRange(min = 1, max = 8) int capacity) {
        ExampleBuffer original = new ExampleBuffer(capacity);
        before.forEach(original::add);
        ExampleBuffer restored = ExampleBuffer.fromBytes(original.toBytes());

        after.forEach(original::add);
        after.forEach(restored::add);

        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(restored.toBytes()).isEqualTo(original.toBytes());
    }

    /** Reference model: stable sort by priority (arrival breaks ties), keep the first `capacity`, list them by time. */
    private static List<Example> sample(List<Example> offered, int capacity) {
        List<Example> sorted = new ArrayList<>(offered);
        sorted.sort(Comparator.comparingLong(ExampleBuffer::priority));
        List<Example> kept = new ArrayList<>(sorted.subList(0, Math.min(capacity, sorted.size())));
        List<Example> inArrival = new ArrayList<>();
        for (Example e : offered) {
            if (kept.remove(e)) {
                inArrival.add(e);
            }
        }
        inArrival.sort(Comparator.comparingLong(Example::timeMillis));
        return inArrival;
    }
}
