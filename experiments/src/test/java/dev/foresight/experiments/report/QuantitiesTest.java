package dev.foresight.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.experiments.report.Quantity.Better;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void everyFigureOfARunHasANameInWordsAndAUnit() {
        for (String key : ExperimentReport.figures(SampleAccounting.summary()).keySet()) {
            assertThat(Quantities.run(key)).as("a worded label for figure " + key + " in Quantities.RUN").isPresent();
        }
    }

    @Test
    void labelsAreWordsWithUnits() {
        assertThat(Quantities.runLabel("usefulCoreHours")).isEqualTo("Useful work, core-hours");
        assertThat(Quantities.runLabel("energyKwh")).isEqualTo("Energy, kWh");
        assertThat(Quantities.runLabel("vmsLost")).as("counts need no unit").isEqualTo("VMs lost");
        assertThat(Quantities.runLabel("someNewFigure")).as("unknown: its key, rather than nothing").isEqualTo("someNewFigure");
        assertThat(Quantities.predictorLabel("falseAlarmsPerNodeDay")).isEqualTo("False alarms (episodes without a failure), per node-day");
    }

    @Test
    void perClassFiguresAreLabelledForTheirClass() {
        assertThat(Quantities.predictorLabel(Quantities.perClass("announcedCaught", "memory")))
                .isEqualTo("Announced memory failures the run's alarms caught");
        assertThat(Quantities.predictor("announcedFailures.disk").orElseThrow().better()).isEqualTo(Better.NEITHER);
        assertThat(Quantities.predictor("noSuchFigure.memory")).isEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Quantities.perClass("precision", "memory"));
    }

    @Test
    void theHeadlineIsTheNetBenefitAndComesFirst() {
        assertThat(Quantities.HEADLINE).containsExactly("usefulCoreHours", "energyKwh", "lostCoreHours");
        assertThat(Quantities.RUN.subList(0, 3)).extracting(Quantity::key).containsExactlyElementsOf(Quantities.HEADLINE);
        assertThat(Quantities.run("usefulCoreHours").orElseThrow().better()).isEqualTo(Better.HIGHER);
        assertThat(Quantities.run("energyKwh").orElseThrow().better()).isEqualTo(Better.LOWER);
    }

    @Test
    void betterCountsOnlyStrictGainsInTheFiguresDirection() {
        assertThat(Better.HIGHER.strictlyBetter(0.1)).isTrue();
        assertThat(Better.HIGHER.strictlyBetter(0)).isFalse();
        assertThat(Better.LOWER.strictlyBetter(-0.1)).isTrue();
        assertThat(Better.LOWER.strictlyBetter(0)).isFalse();
        assertThat(Better.NEITHER.strictlyBetter(5)).isFalse();
    }
}
