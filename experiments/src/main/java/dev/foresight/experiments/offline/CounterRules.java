package dev.foresight.experiments.offline;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.evaluation.FailureDetection;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.feature.FeatureSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The {@link CounterRule} of every counter of a recording, on the test windows the learner is judged on. */
final class CounterRules {

    private static final String DELTA_SUFFIX = ".delta";

    private CounterRules() {
    }

    private static final java.util.regex.Pattern WINDOW = java.util.regex.Pattern.compile("^w(\\d+)m\\.");

    /**
     * Rules read the increase over the longest feature window of the schema.
     *
     * @param failures the test period's failures, as the learner's event-level figures count them
     */
    static List<CounterRule> measure(FeatureSchema schema, RecordedFleet fleet, TestScope scope, Duration horizon,
                                     Duration minLead, List<Example> test, List<FailureDetection.Failure> failures) {
        long longest = schema.names().stream().map(WINDOW::matcher).filter(java.util.regex.Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
        if (longest < 0) {
            return List.of();
        }
        String prefix = "w" + longest + "m.";
        List<CounterRule> rules = new ArrayList<>();
        List<String> names = schema.names();
        for (int column = 0; column < names.size(); column++) {
            String name = names.get(column);
            if (!name.startsWith(prefix) || !name.endsWith(DELTA_SUFFIX)) {
                continue;
            }
            String metric = name.substring(prefix.length(), name.length() - DELTA_SUFFIX.length());
            if (!FeatureSpec.isCounter(metric)) {
                continue;
            }
            double[] alarm = new double[test.size()];
            List<FailureDetection.ScoredWindow> windows = new ArrayList<>(test.size());
            for (int i = 0; i < test.size(); i++) {
                Example e = test.get(i);
                alarm[i] = e.features()[column] > 0 ? 1 : 0;
                windows.add(new FailureDetection.ScoredWindow(e.nodeId(), e.timeMillis(), alarm[i]));
            }
            FailureDetection.Point events = FailureDetection.of(windows, failures, horizon.toMillis(), minLead.toMillis(),
                    FailureDetection.nodeDays(windows)).at(0.5);
            rules.add(new CounterRule(metric, name, events, byCategory(fleet, scope, horizon, minLead, test, alarm)));
        }
        return rules;
    }

    private static Map<String, CounterRule.Caught> byCategory(RecordedFleet fleet, TestScope scope, Duration horizon, Duration minLead,
                                                 List<Example> test, double[] alarm) {
        CategoryReport report = FailureCategories.measure(fleet, scope, horizon, minLead, test, alarm, 0.5, List.of(),
                OptionalDouble.empty());
        Map<String, CounterRule.Caught> counts = new LinkedHashMap<>();
        if (report != null) {
            report.categories().forEach(c -> counts.put(c.category(), new CounterRule.Caught(c.detected(), c.failures())));
        }
        return counts;
    }
}
