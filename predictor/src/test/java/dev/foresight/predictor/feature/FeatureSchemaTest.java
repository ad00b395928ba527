package dev.foresight.predictor.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {

    private final FeatureSchema schema = FeatureSchema.of(List.of("b", "a", "c"));

    @Test
    void alignsByNameInSchemaOrderWithNaNForMissingAndDropsUnknown() {
        Features features = new Features(List.of("a", "b", "z"), new double[] {1, 2, 26});

        assertThat(schema.align(features)).containsExactly(2, 1, Double.NaN);
    }

    @Test
    void alignsMapsAndParallelLists() {
        assertThat(schema.align(Map.of("c", 3.0, "a", 1.0))).containsExactly(Double.NaN, 1, 3);
        assertThat(schema.align(List.of("c", "b"), new double[] {3, 2})).containsExactly(2, Double.NaN, 3);
    }

    @Test
    void projectionBetweenSchemasReordersAndFills() {
        FeatureSchema source = FeatureSchema.of(List.of("a", "b", "d"));
        FeatureSchema.Projection projection = schema.projectionFrom(source);

        assertThat(projection.apply(new double[] {1, 2, 4})).containsExactly(2, 1, Double.NaN);
        assertThat(projection.identity()).isFalse();
        assertThat(schema.projectionFrom(schema).identity()).isTrue();
        assertThatThrownBy(() -> projection.apply(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> FeatureSchema.of(List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
    }

    @Test
    void equalityIsByNamesAndOrder() {
        assertThat(FeatureSchema.of(List.of("b", "a", "c"))).isEqualTo(schema).hasSameHashCodeAs(schema);
        assertThat(FeatureSchema.of(List.of("a", "b", "c"))).isNotEqualTo(schema);
        assertThat(FeatureSchema.anonymous(2).names()).containsExactly("x0", "x1");
        assertThat(schema.indexOf("c")).isEqualTo(2);
        assertThat(schema.indexOf("nope")).isEqualTo(-1);
    }

    @Test
    void featuresRejectUnsortedNamesAndMismatchedLengths() {
        assertThatThrownBy(() -> new Features(List.of("b", "a"), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Features(List.of("a"), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
