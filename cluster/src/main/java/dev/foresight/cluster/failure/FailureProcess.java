package dev.foresight.cluster.failure;

import dev.foresight.cluster.FailureTrace;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.random.RandomStreams;
import dev.foresight.cluster.random.RandomStreams.Purpose;

/**
 * Every node's hardware failures and false alarms, drawn from the seed alone (or replayed from a
 * trace). Nothing the simulation or a policy does feeds back into it: a powered-off node still has
 * its failure at the drawn time (it is found broken), so two policies see the same failures.
 */
public final class FailureProcess {

    private final FailureSource[] failures;
    private final FalseAlarmSource[] falseAlarms;

    private FailureProcess(FailureSource[] failures, FalseAlarmSource[] falseAlarms) {
        this.failures = failures;
        this.falseAlarms = falseAlarms;
    }

    /** Weibull renewal per node, from per-node streams of the seed. */
    public static FailureProcess drawn(Scenario scenario, long seed) {
        FailureSource[] sources = new FailureSource[scenario.nodes()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = new WeibullRenewalSource(i, scenario.failures(), RandomStreams.generator(seed, Purpose.FAILURES, i));
        }
        return new FailureProcess(sources, falseAlarms(scenario, seed));
    }

    /** Failures from the trace (entries for nodes beyond the scenario's are ignored). */
    public static FailureProcess replayed(Scenario scenario, long seed, FailureTrace trace) {
        FailureMarks marks = new FailureMarks(scenario.failures());
        FailureSource[] sources = new FailureSource[scenario.nodes()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = new TraceFailureSource(i, trace.forNode(i), marks, RandomStreams.stream(seed, Purpose.FAILURES, i));
        }
        return new FailureProcess(sources, falseAlarms(scenario, seed));
    }

    private static FalseAlarmSource[] falseAlarms(Scenario scenario, long seed) {
        FalseAlarmSource[] alarms = new FalseAlarmSource[scenario.nodes()];
        for (int i = 0; i < alarms.length; i++) {
            alarms[i] = new FalseAlarmSource(scenario.failures().falseAlarms(), scenario.failures().classes(),
                    RandomStreams.stream(seed, Purpose.FALSE_ALARMS, i));
        }
        return alarms;
    }

    public int nodes() {
        return failures.length;
    }

    /** The node's next failure, or null if it has none left (trace replay). */
    public FailureEvent next(int node) {
        return failures[node].peek();
    }

    /** Consumes the node's next failure. */
    public FailureEvent take(int node) {
        return failures[node].poll();
    }

    /** Whether the node is inside the degradation period of its next (announced) failure. */
    public boolean degradedAt(int node, double t) {
        FailureEvent event = failures[node].peek();
        return event != null && event.announced() && t >= event.degradationStartSeconds() && t < event.failAtSeconds();
    }

    /**
     * The severity of the node's coming failure's precursor at time t (0 when none shows): the true degradation,
     * which an ideal predictor would read perfectly and a real one only through the sensors.
     */
    public double failingSeverityAt(int node, double t) {
        FailureEvent event = failures[node].peek();
        return event == null ? 0 : event.severityAt(t);
    }

    /**
     * Fills {@code out} with the node's precursor severities at time t: its coming failure's ramp
     * plus any false alarm. Call with non-decreasing t per node.
     */
    public void precursorsAt(int node, double t, Precursors out) {
        out.clear();
        FailureEvent event = failures[node].peek();
        if (event != null && event.announced()) {
            double severity = event.severityAt(t);
            if (severity > 0) {
                out.raiseFailing(event.failureClass(), severity);
            }
        }
        falseAlarms[node].addAt(t, out);
    }
}
