package dev.foresight.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.experiments.sweep.summary.SeedText;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SeedListTest {

    @Test
    void rangesListsAndBothTogether() {
        assertThat(SeedList.parse("1..5")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(SeedList.parse("1,5,9")).containsExactly(1L, 5L, 9L);
        assertThat(SeedList.parse("3..7")).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(SeedList.parse(" 20..22, 1..3 ,8")).containsExactly(1L, 2L, 3L, 8L, 20L, 21L, 22L);
        assertThat(SeedList.parse("4..4")).containsExactly(4L);
    }

    @Test
    void theOrderAndRepeatsOfTheSpecNeverChangeTheSeeds() {
        assertThat(SeedList.parse("9,1,5,1,1..2")).isEqualTo(SeedList.parse("1..2,5,9"));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> SeedList.parse("7..3")).hasMessageContaining("runs backwards; write 3..7");
        assertThatThrownBy(() -> SeedList.parse("1..x")).hasMessageContaining("'x' is not a whole number");
        assertThatThrownBy(() -> SeedList.parse("1,,2")).hasMessageContaining("empty item");
        assertThatThrownBy(() -> SeedList.parse("")).hasMessageContaining("no seeds given");
        assertThatThrownBy(() -> SeedList.parse("-3")).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> SeedList.parse("1..1000000")).hasMessageContaining("more than 10000 seeds");
        assertThatThrownBy(() -> SeedList.parse("1.5")).hasMessageContaining("not a whole number");
    }

    @Property
    void describingSeedsAndParsingTheTextGivesTheSameSeeds(@ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 60) Long> seeds) {
        List<Long> parsed = SeedList.parse(String.join(",", seeds.stream().map(String::valueOf).toList()));

        assertThat(SeedList.parse(SeedText.describe(parsed))).isEqualTo(parsed);
    }

    @Test
    void describingWritesRunsAsRanges() {
        assertThat(SeedText.describe(List.of(1L, 2L, 3L, 5L, 8L, 9L))).isEqualTo("1..3,5,8,9");
    }
}
