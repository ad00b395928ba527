package dev.foresight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void targetsAreJudgedWhereTheFigureIsMade() {
        assertThat(Figure.atLeast("streams", "ratio", 0.59, "x", 0.6, "").met()).isFalse();
        assertThat(Figure.atLeast("streams", "ratio", 0.6, "x", 0.6, "").met()).isTrue();
        assertThat(Figure.atMost("loop", "30 days", 601, "s", 600, "").met()).isFalse();
        assertThat(Figure.of("kafka", "produce", 1, "records/s", "").met()).isNull();
    }

    @Test
    void valuesGetDigitsForTheirSize() {
        assertThat(Figure.of("g", "n", 1_234_567.8, "u", "").formattedValue()).isEqualTo("1,234,568");
        assertThat(Figure.of("g", "n", 42.25, "u", "").formattedValue()).isEqualTo("42.3");
        assertThat(Figure.of("g", "n", 0.4321, "u", "").formattedValue()).isEqualTo("0.43");
        assertThat(Figure.of("g", "n", Double.NaN, "u", "").formattedValue()).isEqualTo("NaN");
    }

    @Test
    void tablesCarryEveryFigureWithItsVerdict() {
        List<Figure> figures = List.of(Figure.of("kafka", "produce", 650_000, "records/s", "2,000,000 records"),
                Figure.atLeast("streams", "full / pass-through", 0.42, "x", 0.6, "same run"));
        String text = BenchTable.text(figures);
        assertThat(text.lines()).hasSize(3);
        assertThat(text).contains("650,000", "NOT met", ">= 0.60");
        assertThat(BenchTable.markdown(figures)).contains("| streams | full / pass-through | 0.42 x | >= 0.60 x (NOT met) | same run |");
    }
}
