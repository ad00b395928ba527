package dev.foresight.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import org.junit.jupiter.api.Test;

class HeapBudgetTest {

    private static final long MB = 1024 * 1024;
    private static final Scenario DEMO = ScenarioLoader.builtIn("demo");

    @Test
    void aRunIsBudgetedByItsNodeTicks() {
        // 64 nodes x 2,880 ticks x 256 B = 45 MB, plus 64 MB
        assertThat(HeapBudget.of(DEMO, 4096 * MB).perRunMegabytes()).isEqualTo(109);
        Scenario twice = DEMO.withNodes(128, 8);
        assertThat(HeapBudget.of(twice, 4096 * MB).perRunBytes() - HeapBudget.of(DEMO, 4096 * MB).perRunBytes())
                .isEqualTo(64L * 2880 * 256);
    }

    @Test
    void byDefaultAsManyRunsAsTheCoresAndTheHeapAllow() {
        HeapBudget big = HeapBudget.of(DEMO, 4096 * MB);
        assertThat(big.jobs(null, 2, DEMO)).isEqualTo(2);
        HeapBudget small = HeapBudget.of(DEMO, 300 * MB); // (300 - 64) / 109 = 2
        assertThat(small.maxConcurrentRuns()).isEqualTo(2);
        assertThat(small.jobs(null, 8, DEMO)).isEqualTo(2);
        assertThat(small.jobs(2, 8, DEMO)).isEqualTo(2);
    }

    @Test
    void moreRunsThanTheHeapHoldsAreRefusedWithAdvice() {
        HeapBudget small = HeapBudget.of(DEMO, 300 * MB);

        assertThatThrownBy(() -> small.jobs(3, 8, DEMO))
                .hasMessageContaining("3 concurrent runs of scenario demo (64 nodes x 2,880 ticks) need about 391 MB")
                .hasMessageContaining("this JVM may use 300 MB (-Xmx)")
                .hasMessageContaining("use --jobs 2 or fewer")
                .hasMessageContaining("FORESIGHT_JAVA_OPTS=\"-Xmx1g");
    }

    @Test
    void aScenarioTooBigForOneRunIsRefusedEvenByDefault() {
        Scenario huge = DEMO.withNodes(1024, 32).withDurationTicks(43_200);

        assertThatThrownBy(() -> HeapBudget.of(huge, 4096 * MB).jobs(null, 2, DEMO.withNodes(1024, 32).withDurationTicks(43_200)))
                .hasMessageContaining("1 concurrent run of scenario demo (1,024 nodes x 43,200 ticks)")
                .hasMessageContaining("a smaller scenario fits");
    }
}
