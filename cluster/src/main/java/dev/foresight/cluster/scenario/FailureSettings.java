package dev.foresight.cluster.scenario;

/**
 * The hardware failure process.
 *
 * @param weibull time between failures of one node (renewal process restarting at each repair)
 * @param repair repair duration, log-normal in hours
 * @param predictableShare share of failures preceded by a degradation period with precursors in the
 *     telemetry; the others are sudden
 * @param degradationMinutes length of the degradation period, drawn log-uniformly in the range so
 *     that minutes and hours are both common
 * @param falseAlarmRatePerNodeDay rate of anomalies that look like precursors but end without a failure
 */
public record FailureSettings(
        WeibullSettings weibull,
        LogNormalSettings repair,
        double predictableShare,
        RangeSettings degradationMinutes,
        double falseAlarmRatePerNodeDay) {

    public static FailureSettings defaults() {
        return new FailureSettings(
                WeibullSettings.defaults(), new LogNormalSettings(1.0, 0.8), 0.7, new RangeSettings(30, 360), 0.02);
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
        v.between(path + ".predictableShare", predictableShare, 0, 1);
        v.notNull(path + ".degradationMinutes", degradationMinutes);
        if (degradationMinutes != null) {
            degradationMinutes.validatePositive(path + ".degradationMinutes", v);
        }
        v.nonNegative(path + ".falseAlarmRatePerNodeDay", falseAlarmRatePerNodeDay);
    }
}
