package dev.foresight.predictor.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.label.HealthEvent;
import dev.foresight.predictor.label.Label;
import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.predictor.label.Labeller;
import dev.foresight.predictor.label.NodeHistory;
import dev.foresight.predictor.label.PendingWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * An emptied healthy node must not look like a failing one. Host readings follow the load: a busy node runs tens of
 * degrees hotter, draws more power and spins its fans faster than an idle one, and a precursor adds a few degrees on
 * top. A model on the raw readings learns "hot", and so which nodes are busy; with the host features (residuals
 * against a per-node load baseline, the load itself only context) idle and busy healthy nodes score alike while
 * nodes about to fail still stand out. Trained on one fleet, scored on another it never saw. Busy nodes fail more
 * often here (as hot hardware does), so the raw readings carry a real but useless signal: a model that reads it
 * ranks every busy node above every idle one, and an actuator acting on it empties healthy nodes for being busy (or,
 * with the cluster's load history in the training set, for being idle, as the closed loop once did).
 */
class IdleAndBusyNodesTest {

    static final long T0 = 1_767_225_600_000L;
    static final long MINUTE = 60_000L;
    static final Duration SPAN = Duration.ofDays(3);
    static final Duration HORIZON = Duration.ofHours(1);
    /** Baselines need the node's idle and busy range, and 30 samples' weight past the longest window. */
    static final Duration WARM_UP = Duration.ofHours(12);

    /** One labelled window of a node, with what the test needs to know about it. */
    record Window(Features features, boolean failed, boolean healthy, double load) implements java.io.Serializable {}

    @Test
    void idleAndBusyHealthyNodesScoreAlikeWithHostFeatures() {
        Scores host = trainAndScore(FeatureSpec.hostDefaults());

        assertThat(host.relativeGap())
                .as("mean score, idle healthy %.3f against busy healthy %.3f", host.idleHealthy(), host.busyHealthy())
                .isLessThan(0.2);
        assertThat(host.beforeFailure()).as("mean score of windows within the horizon of a failure")
                .isGreaterThan(Math.max(host.idleHealthy(), host.busyHealthy()) + 0.2);
    }

    @Test
    void rawReadingsTellIdleFromBusyNodes() {
        // the same fleets through plain statistics of every reading: why the host features exist
        Scores plain = trainAndScore(FeatureSpec.defaults());

        assertThat(plain.relativeGap())
                .as("mean score, idle healthy %.3f against busy healthy %.3f", plain.idleHealthy(), plain.busyHealthy())
                .isGreaterThan(0.3);
    }

    record Scores(double idleHealthy, double busyHealthy, double beforeFailure) {
        /** How far apart idle and busy healthy nodes score, as a share of the higher mean score. */
        double relativeGap() {
            return Math.abs(idleHealthy - busyHealthy) / Math.max(idleHealthy, busyHealthy);
        }
    }

    static Scores trainAndScore(FeatureSpec spec) {
        List<Window> training = fleet(spec, 11, 30);
        List<Window> unseen = fleet(spec, 12, 30);
        TreeSet<String> names = new TreeSet<>();
        training.forEach(w -> names.addAll(w.features().names()));
        FeatureSchema schema = FeatureSchema.of(List.copyOf(names));
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            Window w = training.get(i);
            examples.add(new Example("n", T0 + i, schema.align(w.features()), w.failed(), w.failed() ? 1L : null, 1.0));
        }
        FailurePredictor model = FailurePredictor.fit(schema, examples, PredictorOptions.defaults());
        double idle = 0, busy = 0, failing = 0;
        int idleCount = 0, busyCount = 0, failingCount = 0;
        for (Window w : unseen) {
            double p = model.probability(w.features());
            if (w.failed()) {
                failing += p;
                failingCount++;
            } else if (w.healthy() && w.load() < 0.1) {
                idle += p;
                idleCount++;
            } else if (w.healthy() && w.load() > 0.7) {
                busy += p;
                busyCount++;
            }
        }
        assertThat(idleCount).as("idle healthy windows").isGreaterThan(100);
        assertThat(busyCount).as("busy healthy windows").isGreaterThan(100);
        assertThat(failingCount).as("windows before a failure").isGreaterThan(20);
        return new Scores(idle / idleCount, busy / busyCount, failing / failingCount);
    }

    /** Nodes with jobs coming and going; some fail, most after a precursor (CPU running hotter than its load explains). */
    static List<Window> fleet(FeatureSpec spec, long seed, int nodes) {
        FeatureExtractor extractor = new FeatureExtractor(spec);
        Labeller labeller = new Labeller(LabelPolicy.of(HORIZON).withRepairGrace(spec.longestWindow()));
        SplittableRandom fleetRandom = new SplittableRandom(seed);
        List<Window> out = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            node(fleetRandom.split(), spec, extractor, labeller, out);
        }
        return out;
    }

    private static void node(SplittableRandom random, FeatureSpec spec, FeatureExtractor extractor, Labeller labeller,
                             List<Window> out) {
        long end = T0 + SPAN.toMillis();
        int minutes = (int) (SPAN.toMillis() / MINUTE);
        // jobs come and go: busy and idle spells of hours
        boolean[] busy = new boolean[minutes];
        boolean state = random.nextBoolean();
        for (int m = 0; m < minutes; ) {
            int spell = (int) Math.max(1, exponential(random, state ? 4 : 3) / MINUTE);
            for (int k = m; k < Math.min(minutes, m + spell); k++) {
                busy[k] = state;
            }
            m += spell;
            state = !state;
        }
        // failures: (time, precursor start or -1), then an hour down. Busy hardware fails more (heat): idle minutes
        // keep a candidate failure with probability 0.3, which is what lets raw readings pass for a precursor
        List<long[]> failures = new ArrayList<>();
        NodeHistory history = NodeHistory.empty();
        for (long t = T0 + exponential(random, 15); t < end; ) {
            if (!busy[(int) ((t - T0) / MINUTE)] && random.nextDouble() >= 0.3) {
                t += exponential(random, 15);
                continue;
            }
            long precursor = random.nextDouble() < 0.8 ? t - (long) ((1 + 2 * random.nextDouble()) * 60 * MINUTE) : -1;
            failures.add(new long[] {t, precursor, t + 60 * MINUTE});
            history = history.with(HealthEvent.failed(t)).with(HealthEvent.repaired(t + 60 * MINUTE));
            t = t + 60 * MINUTE + exponential(random, 15);
        }
        double inlet = 20 + 8 * random.nextDouble();
        double rail = 12 + 0.05 * random.nextGaussian();
        NodeBaselines fits = spec.baselines().isEmpty() ? null : new NodeBaselines(spec.baselines());
        SlidingWindow window = SlidingWindow.forSpec(spec);
        PendingWindows<Window> pending = new PendingWindows<>();
        NodeHistory known = NodeHistory.empty();
        int nextEvent = 0;
        double[] recentLoad = new double[5];
        double ecc = 0;
        for (long now = T0; now < end; now += MINUTE) {
            while (nextEvent < history.events().size() && history.events().get(nextEvent).timeMillis() <= now) {
                known = known.with(history.events().get(nextEvent++));
            }
            double load = busy[(int) ((now - T0) / MINUTE)] ? 0.85 + 0.1 * random.nextDouble() : 0.03 * random.nextDouble();
            int slot = (int) ((now - T0) / MINUTE % recentLoad.length);
            double lagged = recentLoad[slot];
            recentLoad[slot] = load;
            long[] cycle = current(failures, now);
            boolean down = cycle != null && now >= cycle[0];
            if (!down) {
                double drift = 0;
                double eccPerMinute = 0.005;
                if (cycle != null && cycle[1] >= 0 && now >= cycle[1]) {
                    double hours = (now - cycle[1]) / 3_600_000.0;
                    drift = 3 * hours;
                    eccPerMinute = 0.2 + 0.3 * hours;
                }
                ecc += random.nextDouble() < eccPerMinute ? 1 : 0;
                double temp = inlet + 20 + 35 * lagged + drift + 0.8 * random.nextGaussian();
                Map<String, Double> metrics = new TreeMap<>(Map.of(
                        "cpu_util", load,
                        "temp_inlet_c", inlet + 0.2 * random.nextGaussian(),
                        "temp_cpu_c", temp,
                        "fan_rpm", 1500 + 60 * (temp - 30) + 40 * random.nextGaussian(),
                        "power_watts", 110 + 240 * load + 5 * random.nextGaussian(),
                        "psu_voltage_v", rail + 0.01 * random.nextGaussian(),
                        "ecc_correctable_total", ecc));
                window.addEvicting(Sample.of(now, metrics), gone -> {
                    if (fits != null) {
                        fits.learn(gone);
                    }
                });
                if ((now - T0) % (10 * MINUTE) == 0 && now - T0 >= WARM_UP.toMillis()) {
                    boolean healthy = cycle == null || cycle[1] < 0 || now < cycle[1] - 2 * HORIZON.toMillis();
                    double windowLoad = meanLoad(window, now);
                    pending.add(now, new Window(extractor.extract(window, now, fits, null), false, healthy, windowLoad));
                }
            }
            for (PendingWindows.Resolved<Window> r : pending.resolve(labeller, known, now)) {
                if (r.label().usable()) {
                    Window w = r.payload();
                    out.add(new Window(w.features(), r.label().outcome() == Label.Outcome.POSITIVE, w.healthy(), w.load()));
                }
            }
        }
    }

    /** Mean CPU load over the last 30 minutes: below 0.1 idle, above 0.7 busy, else in between. */
    private static double meanLoad(SlidingWindow window, long now) {
        return window.samples().stream().filter(s -> s.timeMillis() > now - 30 * MINUTE)
                .mapToDouble(s -> s.metrics().get("cpu_util")).average().orElse(Double.NaN);
    }

    private static long[] current(List<long[]> failures, long now) {
        for (long[] cycle : failures) {
            if (now < cycle[2]) {
                return cycle;
            }
        }
        return null;
    }

    private static long exponential(SplittableRandom random, double meanHours) {
        return (long) (-Math.log(1 - random.nextDouble()) * meanHours * 3_600_000L);
    }
}
