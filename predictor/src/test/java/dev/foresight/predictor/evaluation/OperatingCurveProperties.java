package dev.foresight.predictor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class OperatingCurveProperties {

    @Property(tries = 300)
    void areasAreProbabilitiesAndPerfectRankingScoresOne(
            @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 1) Double> scores,
            @ForAll @Size(min = 2, max = 60) List<Boolean> labels) {
        int n = Math.min(scores.size(), labels.size());
        double[] s = new double[n];
        boolean[] positive = new boolean[n];
        double[] perfect = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = scores.get(i);
            positive[i] = labels.get(i);
            perfect[i] = positive[i] ? 1 : 0;
            w[i] = 1;
        }
        Assume.that(contains(positive, true) && contains(positive, false));

        OperatingCurve curve = OperatingCurve.of(s, positive, w);
        OperatingCurve ideal = OperatingCurve.of(perfect, positive, w);

        assertThat(curve.averagePrecision()).isBetween(0.0, 1.0 + 1e-12);
        assertThat(curve.rocAuc()).isBetween(0.0, 1.0 + 1e-12);
        assertThat(ideal.averagePrecision()).isCloseTo(1.0, within(1e-12));
        assertThat(ideal.rocAuc()).isCloseTo(1.0, within(1e-12));
    }

    @Property(tries = 200)
    void integerWeightsEqualRepeatedExamples(
            @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = 0, max = 1) Double> scores,
            @ForAll @Size(min = 2, max = 30) List<Boolean> labels,
            @ForAll @Size(min = 2, max = 30) List<@IntRange(min = 0, max = 4) Integer> weights) {
        int n = Math.min(scores.size(), Math.min(labels.size(), weights.size()));
        int total = weights.subList(0, n).stream().mapToInt(Integer::intValue).sum();
        double[] s = new double[n];
        boolean[] p = new boolean[n];
        double[] w = new double[n];
        double[] rs = new double[total];
        boolean[] rp = new boolean[total];
        double[] rw = new double[total];
        for (int i = 0, k = 0; i < n; i++) {
            s[i] = scores.get(i);
            p[i] = labels.get(i);
            w[i] = weights.get(i);
            for (int c = 0; c < weights.get(i); c++, k++) {
                rs[k] = s[i];
                rp[k] = p[i];
                rw[k] = 1;
            }
        }
        OperatingCurve weighted = OperatingCurve.of(s, p, w);
        Assume.that(weighted.positives() > 0 && weighted.negatives() > 0);
        OperatingCurve repeated = OperatingCurve.of(rs, rp, rw);

        assertThat(weighted.averagePrecision()).isEqualTo(repeated.averagePrecision(), within(1e-12));
        assertThat(weighted.rocAuc()).isEqualTo(repeated.rocAuc(), within(1e-12));
    }

    private static boolean contains(boolean[] values, boolean wanted) {
        for (boolean v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }
}
