package dev.foresight.cluster.scenario;

/**
 * The hardware and software failure process.
 *
 * @param weibull     time between failures of one node (renewal process restarting at each repair)
 * @param repair      repair duration, log-normal in hours
 * @param classes     what fails, and how often and how early each class announces itself
 * @param falseAlarms benign anomalies that look like a class's precursors but end without a failure
 */
public record FailureSettings(
        WeibullSettings weibull,
        LogNormalSettings repair,
        FailureClassesSettings classes,
        FalseAlarmSettings falseAlarms) {

    public static FailureSettings defaults() {
        return new FailureSettings(WeibullSettings.defaults(), new LogNormalSettings(1.0, 0.8),
                FailureClassesSettings.defaults(), FalseAlarmSettings.defaults());
    }

    public void validate(String path, Violations v) {
        v.notNull(path + ".weibull", weibull);
        if (weibull != null) {
            weibull.validate(path + ".weibull", v);
        }
        v.notNull(path + ".repair", repair);
        if (repair != null) {
            repair.validate(path + ".repair", v);
        }
        v.notNull(path + ".classes", classes);
        if (classes != null) {
            classes.validate(path + ".classes", v);
        }
        v.notNull(path + ".falseAlarms", falseAlarms);
        if (falseAlarms != null) {
            falseAlarms.validate(path + ".falseAlarms", v);
        }
    }
}
