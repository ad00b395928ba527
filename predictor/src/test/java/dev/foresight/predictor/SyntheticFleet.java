package dev.foresight.predictor;

import dev.foresight.predictor.feature.FeatureExtractor;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.feature.Sample;
import dev.foresight.predictor.feature.SlidingWindow;
import dev.foresight.predictor.label.HealthEvent;
import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.predictor.label.Labeller;
import dev.foresight.predictor.label.NodeHistory;
import dev.foresight.predictor.label.PendingWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small simulated fleet whose failures mostly announce themselves: the test data set.
 *
 * <p>Each node samples every 5 minutes: CPU temperature, fan speed, an unrelated load metric
 * and a corrected-ECC counter. Failures arrive with exponential times to failure; three in four
 * are preceded, for one to three hours, by a temperature drift and a burst of corrected ECC
 * errors; the rest are sudden. Healthy nodes also have occasional harmless ECC bursts and heat
 * spikes (false-alarm bait). After a failure the node is down for 30 to 120 minutes.
 *
 * <p>Telemetry goes through the production path: {@link SlidingWindow}, {@link FeatureExtractor}
 * (windows 10, 30, 120 minutes), {@link PendingWindows} and {@link Labeller} (horizon 1 hour,
 * repair grace 2 hours), producing one example per node every 15 minutes. Pure function of the seed.
 */
public final class SyntheticFleet {

    public static final Duration SAMPLE_EVERY = Duration.ofMinutes(5);
    public static final Duration EXAMPLE_EVERY = Duration.ofMinutes(15);
    public static final Duration HORIZON = Duration.ofHours(1);
    public static final long START_MILLIS = 1_700_000_000_000L - 1_700_000_000_000L % 86_400_000L;

    private static final List<String> METRICS = List.of("ecc_corrected_total", "fan_rpm", "load_ratio", "temp_cpu_c");

    private final FeatureSchema schema;
    private final List<Example> examples;
    private final int failures;

    private SyntheticFleet(FeatureSchema schema, List<Example> examples, int failures) {
        this.schema = schema;
        this.examples = examples;
        this.failures = failures;
    }

    /** The feature spec of the fleet: default windows over the fleet's declared metrics. */
    public static FeatureSpec spec() {
        return FeatureSpec.defaults().withMetrics(new TreeSet<>(METRICS));
    }

    public static SyntheticFleet generate(long seed, int nodes, Duration span) {
        FeatureExtractor extractor = new FeatureExtractor(spec());
        FeatureSchema schema = FeatureSchema.of(extractor.featureNames(METRICS));
        Labeller labeller = new Labeller(LabelPolicy.of(HORIZON).withRepairGrace(spec().longestWindow()));
        SplittableRandom fleetRandom = new SplittableRandom(seed);
        List<Example> examples = new ArrayList<>();
        int failures = 0;
        for (int n = 0; n < nodes; n++) {
            String nodeId = String.format("node-%03d", n);
            failures += simulateNode(nodeId, fleetRandom.split(), span, extractor, schema, labeller, examples);
        }
        examples.sort(java.util.Comparator.comparingLong(Example::timeMillis).thenComparing(Example::nodeId));
        return new SyntheticFleet(schema, List.copyOf(examples), failures);
    }

    public FeatureSchema schema() {
        return schema;
    }

    /** All labelled examples, in time order. */
    public List<Example> examples() {
        return examples;
    }

    /** Number of failures simulated. */
    public int failures() {
        return failures;
    }

    public double positiveRate() {
        return examples.stream().filter(Example::failed).count() / (double) examples.size();
    }

    private static int simulateNode(String nodeId, SplittableRandom random, Duration span, FeatureExtractor extractor,
                                    FeatureSchema schema, Labeller labeller, List<Example> out) {
        long step = SAMPLE_EVERY.toMillis();
        long end = START_MILLIS + span.toMillis();
        double meanTtfMillis = Duration.ofHours(30).toMillis();

        // failure schedule: (failure time, precursor start or -1 when sudden), then down until repair
        List<long[]> schedule = new ArrayList<>();
        NodeHistory history = NodeHistory.empty();
        long t = START_MILLIS;
        while (true) {
            long failure = t + (long) (-Math.log(1 - random.nextDouble()) * meanTtfMillis);
            if (failure >= end) {
                break;
            }
            boolean announced = random.nextDouble() < 0.75;
            long precursor = announced ? failure - (long) ((1 + 2 * random.nextDouble()) * 3_600_000L) : -1;
            long repair = failure + (long) ((30 + 90 * random.nextDouble()) * 60_000L);
            schedule.add(new long[] {failure, precursor, repair});
            history = history.with(HealthEvent.failed(failure)).with(HealthEvent.repaired(repair));
            t = repair;
        }

        double baseTemp = 45 + 15 * random.nextDouble();
        double baseFan = 2800 + 600 * random.nextDouble();
        double ecc = 0;
        long nextHarmlessBurst = START_MILLIS + (long) (-Math.log(1 - random.nextDouble()) * Duration.ofHours(20).toMillis());
        long harmlessUntil = -1;

        SlidingWindow window = SlidingWindow.forSpec(extractor.spec());
        PendingWindows<double[]> pending = new PendingWindows<>();
        NodeHistory known = NodeHistory.empty();
        int nextEvent = 0;
        for (long now = START_MILLIS; now < end; now += step) {
            // the labeller learns of failures and repairs as they happen, as a stream processor would
            while (nextEvent < history.events().size() && history.events().get(nextEvent).timeMillis() <= now) {
                known = known.with(history.events().get(nextEvent++));
            }
            long[] current = phase(schedule, now);
            boolean down = current != null && now >= current[0] && now < current[2];
            if (!down) {
                if (now >= nextHarmlessBurst) {
                    harmlessUntil = now + (long) ((0.5 + random.nextDouble()) * 3_600_000L);
                    nextHarmlessBurst = now + (long) (-Math.log(1 - random.nextDouble()) * Duration.ofHours(20).toMillis());
                }
                double drift = 0;
                double eccRate = 0.3;
                if (current != null && current[1] >= 0 && now >= current[1] && now < current[0]) {
                    double hours = (now - current[1]) / 3_600_000.0;
                    drift = 4 * hours;
                    eccRate = 12 + 10 * hours;
                }
                boolean harmless = now < harmlessUntil;
                if (harmless) {
                    drift += 3 * random.nextDouble();
                    eccRate += 6;
                }
                ecc += poisson(random, eccRate * step / 3_600_000.0);
                TreeMap<String, Double> metrics = new TreeMap<>();
                metrics.put("temp_cpu_c", baseTemp + drift + random.nextGaussian() * 1.5);
                metrics.put("fan_rpm", baseFan + 40 * drift + random.nextGaussian() * 60);
                metrics.put("load_ratio", Math.max(0, Math.min(1, 0.5 + 0.25 * random.nextGaussian())));
                metrics.put("ecc_corrected_total", ecc);
                window.add(new Sample(now, metrics));
                if ((now - START_MILLIS) % EXAMPLE_EVERY.toMillis() == 0) {
                    pending.add(now, schema.align(extractor.extract(window, now)));
                }
            }
            for (PendingWindows.Resolved<double[]> resolved : pending.resolve(labeller, known, now)) {
                if (resolved.label().usable()) {
                    out.add(new Example(nodeId, resolved.windowEndMillis(), resolved.payload(),
                            resolved.label().outcome() == dev.foresight.predictor.label.Label.Outcome.POSITIVE,
                            resolved.label().leadTimeMillis(), 1.0));
                }
            }
        }
        return schedule.size();
    }

    /** The failure cycle that {@code now} belongs to: the first one whose repair is still ahead. */
    private static long[] phase(List<long[]> schedule, long now) {
        for (long[] cycle : schedule) {
            if (now < cycle[2]) {
                return cycle;
            }
        }
        return null;
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }
}
