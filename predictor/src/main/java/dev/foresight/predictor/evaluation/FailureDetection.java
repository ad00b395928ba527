package dev.foresight.predictor.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How well scores catch failures, counted the way an operator counts them: per failure and per alarm episode, at
 * any threshold. The window-level precision of the rest of this package asks "of the windows flagged, how many
 * were within H of a failure"; a node alarming for five hours before a DIMM dies flags dozens of windows that are
 * "wrong" by that count, yet led to one correct action. Here:
 * <ul>
 *   <li>a failure is <b>detected</b> when some window of its node in [failure - H, failure - minimum lead] scores at
 *       or above the threshold; its lead is that of the earliest such window;</li>
 *   <li>an <b>alarm episode</b> is a maximal run of a node's consecutive windows at or above the threshold; it is
 *       <b>true</b> when one of its windows has a failure of the node within H after it, else a false alarm;</li>
 *   <li><b>precision</b> is true episodes over episodes, <b>false alarms per node-day</b> false episodes over the
 *       node-days the windows cover.</li>
 * </ul>
 * Recall is reported over all failures and over the <b>announced</b> ones (those a precursor preceded, where the
 * source knows: the simulator's ideal scores), since no predictor can see a sudden failure coming.
 */
public final class FailureDetection {

    /** A node's score at the end of a window. */
    public record ScoredWindow(String nodeId, long timeMillis, double score) {
    }

    /** A failure to catch; {@code announced} null when the source does not know. */
    public record Failure(String nodeId, long timeMillis, String cause, Boolean announced) {
    }

    /**
     * The counts at one threshold.
     *
     * @param medianLeadMillis median lead of the detected failures, null when none
     */
    public record Point(double threshold, int failures, int detected, int announcedFailures, int announcedDetected,
                        int episodes, int falseEpisodes, double nodeDays, Long medianLeadMillis) {

        public double recall() {
            return failures == 0 ? Double.NaN : (double) detected / failures;
        }

        /** Recall over announced failures (over all failures when the source does not say which were announced). */
        public double announcedRecall() {
            return announcedFailures == 0 ? Double.NaN : (double) announcedDetected / announcedFailures;
        }

        /** True episodes over episodes; 1 when there is no alarm at all (nothing was wrong). */
        public double precision() {
            return episodes == 0 ? 1.0 : (double) (episodes - falseEpisodes) / episodes;
        }

        public double falseAlarmsPerNodeDay() {
            return nodeDays > 0 ? falseEpisodes / nodeDays : Double.NaN;
        }
    }

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final int n;
    private final double[] score;
    /** Window index ranges per node: windows sorted by node, then time. */
    private final int[] nodeStart;
    /** Per window: true when a failure of its node comes within H after it. */
    private final boolean[] beforeFailure;
    /** Per window: the failure it can detect (lead within [minimum lead, H]), or -1, and that lead. */
    private final int[] detects;
    private final long[] lead;
    private final List<Failure> failures;
    private final boolean[] countsAsAnnounced;
    private final double nodeDays;

    private FailureDetection(double[] score, int[] nodeStart, boolean[] beforeFailure, int[] detects, long[] lead,
                             List<Failure> failures, boolean[] countsAsAnnounced, double nodeDays) {
        this.n = score.length;
        this.score = score;
        this.nodeStart = nodeStart;
        this.beforeFailure = beforeFailure;
        this.detects = detects;
        this.lead = lead;
        this.failures = failures;
        this.countsAsAnnounced = countsAsAnnounced;
        this.nodeDays = nodeDays;
    }

    /**
     * @param windows        every scored window of the period (any order)
     * @param failures       the failures of the period; only those with at least one window of their node within H
     *                       before them count (others could not have been caught by these windows at all)
     * @param nodeDays       how many node-days the windows cover, for the false-alarm rate
     */
    public static FailureDetection of(List<ScoredWindow> windows, List<Failure> failures, long horizonMillis,
                                      long minLeadMillis, double nodeDays) {
        List<ScoredWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(ScoredWindow::nodeId).thenComparingLong(ScoredWindow::timeMillis));
        Map<String, long[]> failureTimes = new HashMap<>();
        Map<String, int[]> failureIds = new HashMap<>();
        List<Failure> ordered = new ArrayList<>(failures);
        ordered.sort(Comparator.comparing(Failure::nodeId).thenComparingLong(Failure::timeMillis));
        for (int i = 0; i < ordered.size(); ) {
            int j = i;
            while (j < ordered.size() && ordered.get(j).nodeId().equals(ordered.get(i).nodeId())) {
                j++;
            }
            long[] times = new long[j - i];
            int[] ids = new int[j - i];
            for (int k = i; k < j; k++) {
                times[k - i] = ordered.get(k).timeMillis();
                ids[k - i] = k;
            }
            failureTimes.put(ordered.get(i).nodeId(), times);
            failureIds.put(ordered.get(i).nodeId(), ids);
            i = j;
        }
        int count = sorted.size();
        double[] score = new double[count];
        boolean[] beforeFailure = new boolean[count];
        int[] detects = new int[count];
        long[] lead = new long[count];
        List<Integer> starts = new ArrayList<>();
        boolean[] reachable = new boolean[ordered.size()];
        for (int i = 0; i < count; i++) {
            ScoredWindow w = sorted.get(i);
            if (i == 0 || !w.nodeId().equals(sorted.get(i - 1).nodeId())) {
                starts.add(i);
            }
            score[i] = w.score();
            detects[i] = -1;
            long[] times = failureTimes.get(w.nodeId());
            if (times != null) {
                int next = Arrays.binarySearch(times, w.timeMillis() + 1);
                next = next >= 0 ? next : -next - 1;
                if (next < times.length) {
                    long ahead = times[next] - w.timeMillis();
                    if (ahead <= horizonMillis) {
                        beforeFailure[i] = true;
                        reachable[failureIds.get(w.nodeId())[next]] = true;
                        if (ahead >= minLeadMillis) {
                            detects[i] = failureIds.get(w.nodeId())[next];
                            lead[i] = ahead;
                        }
                    }
                }
            }
        }
        starts.add(count);
        List<Failure> counted = new ArrayList<>();
        int[] remap = new int[ordered.size()];
        for (int f = 0; f < ordered.size(); f++) {
            remap[f] = reachable[f] ? counted.size() : -1;
            if (reachable[f]) {
                counted.add(ordered.get(f));
            }
        }
        for (int i = 0; i < count; i++) {
            if (detects[i] >= 0) {
                detects[i] = remap[detects[i]];
            }
        }
        boolean[] announced = new boolean[counted.size()];
        for (int f = 0; f < counted.size(); f++) {
            announced[f] = !Boolean.FALSE.equals(counted.get(f).announced());
        }
        return new FailureDetection(score, starts.stream().mapToInt(Integer::intValue).toArray(), beforeFailure, detects,
                lead, List.copyOf(counted), announced, nodeDays);
    }

    /** Node-days covered by windows: per node, first to last window plus the median spacing (as {@link Evaluation}). */
    public static double nodeDays(List<ScoredWindow> windows) {
        Map<String, List<Long>> times = new HashMap<>();
        windows.forEach(w -> times.computeIfAbsent(w.nodeId(), k -> new ArrayList<>()).add(w.timeMillis()));
        double millis = 0;
        for (List<Long> t : times.values()) {
            t.sort(null);
            long[] gaps = new long[Math.max(0, t.size() - 1)];
            for (int i = 1; i < t.size(); i++) {
                gaps[i - 1] = t.get(i) - t.get(i - 1);
            }
            Arrays.sort(gaps);
            millis += t.get(t.size() - 1) - t.get(0) + (gaps.length == 0 ? 0 : gaps[(gaps.length - 1) / 2]);
        }
        return millis / MILLIS_PER_DAY;
    }

    /** The failures that count (those with a window of their node within H before them). */
    public List<Failure> failures() {
        return failures;
    }

    /** The counts when alarming at scores at or above the threshold. */
    public Point at(double threshold) {
        long[] bestLead = new long[failures.size()];
        Arrays.fill(bestLead, -1);
        int episodes = 0;
        int falseEpisodes = 0;
        for (int node = 0; node + 1 < nodeStart.length; node++) {
            boolean inEpisode = false;
            boolean episodeTrue = false;
            for (int i = nodeStart[node]; i < nodeStart[node + 1]; i++) {
                if (score[i] >= threshold) {
                    if (!inEpisode) {
                        episodes++;
                        inEpisode = true;
                        episodeTrue = false;
                    }
                    episodeTrue |= beforeFailure[i];
                    if (detects[i] >= 0) {
                        bestLead[detects[i]] = Math.max(bestLead[detects[i]], lead[i]);
                    }
                } else {
                    if (inEpisode && !episodeTrue) {
                        falseEpisodes++;
                    }
                    inEpisode = false;
                }
            }
            if (inEpisode && !episodeTrue) {
                falseEpisodes++;
            }
        }
        int detected = 0;
        int announced = 0;
        int announcedDetected = 0;
        List<Long> leads = new ArrayList<>();
        for (int f = 0; f < failures.size(); f++) {
            if (countsAsAnnounced[f]) {
                announced++;
            }
            if (bestLead[f] >= 0) {
                detected++;
                leads.add(bestLead[f]);
                if (countsAsAnnounced[f]) {
                    announcedDetected++;
                }
            }
        }
        leads.sort(null);
        return new Point(threshold, failures.size(), detected, announced, announcedDetected, episodes, falseEpisodes,
                nodeDays, leads.isEmpty() ? null : Evaluation.nearestRank(leads, 0.5));
    }

    /**
     * The counts at thresholds taken from the scores ranked highest first, at ranks spaced geometrically (1, 2, 3, ...
     * growing by a factor so that about {@code maxPoints} ranks span all windows): alarms live in the top of the
     * ranking, where evenly spaced quantiles would put almost no threshold. Highest threshold first.
     */
    public List<Point> curve(int maxPoints) {
        double[] descending = Arrays.stream(score).sorted().toArray();
        List<Point> points = new ArrayList<>();
        if (descending.length == 0) {
            return points;
        }
        double growth = Math.exp(Math.log(descending.length) / Math.max(1, maxPoints - 1));
        double previous = Double.NaN;
        double rank = 1;
        while (true) {
            int r = (int) Math.min(descending.length, Math.round(rank));
            double threshold = descending[descending.length - r];
            if (threshold != previous) {
                points.add(at(threshold));
                previous = threshold;
            }
            if (r == descending.length) {
                break;
            }
            rank = Math.max(rank + 1, rank * growth);
        }
        return points;
    }

    /**
     * The threshold with the highest recall of announced failures among those whose episode precision reaches
     * {@code minPrecision} and whose false alarms stay within {@code maxFalseAlarmsPerNodeDay}; empty when none does
     * (or no failure is announced). Ties: the higher threshold.
     */
    public Optional<Point> bestRecall(double minPrecision, double maxFalseAlarmsPerNodeDay, int maxPoints) {
        Point best = null;
        for (Point p : curve(maxPoints)) {
            if (p.precision() >= minPrecision && p.falseAlarmsPerNodeDay() <= maxFalseAlarmsPerNodeDay
                    && p.announcedDetected() > 0 && (best == null || p.announcedRecall() > best.announcedRecall())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }
}
