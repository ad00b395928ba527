package dev.foresight.experiments.sweep;

import dev.foresight.cluster.TickReport;
import dev.foresight.experiments.ExperimentListener;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One progress bar over the whole sweep, on stderr: runs done out of all, and the time left. Progress is
 * counted in simulated ticks across the runs in flight, so the bar moves during long runs too, and each
 * tick weighs what a tick of its policy costs: in its finished runs, or else in its runs in flight once a
 * tenth of their ticks are done (a run's ticks arrive on the thread that runs it). A PROACTIVE tick (the whole topology) costs some twenty PERIODIC
 * ones, so counting ticks alone promised the end far too early. The
 * time left extrapolates this session's pace (runs reused from an earlier session count as done, not as
 * speed). On a terminal the bar redraws itself a few times a second; in a log, one line per finished run.
 * Ticks arrive from every worker thread at once, hence the synchronisation.
 */
final class SweepProgress implements ExperimentListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final String title;
    private final int totalRuns;
    private final int reusedRuns;
    private final long ticksPerRun;
    /** Runs to do in this session, by run label (the label ticks arrive with). */
    private final Map<String, Integer> toRun;
    private final Map<String, Long> ticksRun = new HashMap<>();
    private final Map<String, Integer> finishedByLabel = new HashMap<>();
    private final Map<String, Double> secondsByLabel = new HashMap<>();
    private final Map<Thread, InFlight> inFlight = new HashMap<>();
    private final long started;
    private int finishedRuns;
    private long lastDraw;

    /**
     * @param toRun runs to do in this session by run label ({@link dev.foresight.experiments.RunResult#label()})
     */
    SweepProgress(PrintStream out, boolean terminal, LongSupplier nanos, String title, int totalRuns, int reusedRuns, long ticksPerRun,
                  Map<String, Integer> toRun) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
        this.title = title;
        this.totalRuns = totalRuns;
        this.reusedRuns = reusedRuns;
        this.ticksPerRun = ticksPerRun;
        this.toRun = Map.copyOf(toRun);
        this.started = nanos.getAsLong();
    }

    /** A run being simulated, on the thread that calls {@link #runStarted}. */
    private static final class InFlight {
        final String label;
        final long startedNanos;
        long ticks;

        InFlight(String label, long startedNanos) {
            this.label = label;
            this.startedNanos = startedNanos;
        }
    }

    /** Called on the thread that is about to run a run of {@code label}, which then reports its ticks. */
    synchronized void runStarted(String label) {
        inFlight.put(Thread.currentThread(), new InFlight(label, nanos.getAsLong()));
    }

    @Override
    public synchronized void onTick(String label, TickReport report) {
        ticksRun.merge(label, 1L, Long::sum);
        InFlight run = inFlight.get(Thread.currentThread());
        if (run != null) {
            run.ticks++;
        }
        long now = nanos.getAsLong();
        if (terminal && now - lastDraw >= 250_000_000L) {
            lastDraw = now;
            draw(now, "");
        }
    }

    synchronized void runFinished(RunKey key, String label, double wallSeconds) {
        inFlight.remove(Thread.currentThread());
        finishedRuns++;
        finishedByLabel.merge(label, 1, Integer::sum);
        secondsByLabel.merge(label, wallSeconds, Double::sum);
        long now = nanos.getAsLong();
        lastDraw = now;
        draw(now, String.format(Locale.ROOT, "  (%s: %.0f s)", key, wallSeconds));
    }

    /** Ends the bar's line, so that what follows starts on its own. */
    synchronized void close() {
        if (terminal && finishedRuns > 0) {
            out.println();
            out.flush();
        }
    }

    /** Share of this session's work done: ticks simulated so far, each weighed by its policy's cost per tick. */
    synchronized double fractionDone() {
        double finishedSeconds = secondsByLabel.values().stream().mapToDouble(Double::doubleValue).sum();
        // a policy with no finished run yet is costed as the finished runs are on average (or all alike before any)
        double fallback = finishedRuns == 0 || finishedSeconds <= 0 ? 1 : finishedSeconds / ((double) finishedRuns * ticksPerRun);
        long now = nanos.getAsLong();
        double done = 0;
        double left = 0;
        for (Map.Entry<String, Integer> policy : toRun.entrySet()) {
            String label = policy.getKey();
            double perTick = secondsPerTick(label, now, fallback);
            long total = policy.getValue() * ticksPerRun;
            long ticks = Math.min(total, ticksRun.getOrDefault(label, 0L));
            done += ticks * perTick;
            left += (total - ticks) * perTick;
        }
        return done + left == 0 ? 1 : done / (done + left);
    }

    private double secondsPerTick(String label, long now, double fallback) {
        int finished = finishedByLabel.getOrDefault(label, 0);
        if (finished > 0 && secondsByLabel.get(label) > 0) {
            return secondsByLabel.get(label) / ((double) finished * ticksPerRun);
        }
        double seconds = 0;
        long ticks = 0;
        for (InFlight run : inFlight.values()) {
            // a run's first ticks also pay for building its pipeline and warming the JIT: a small scenario's
            // PROACTIVE run looked 20 times dearer per tick after 4 s than it was over the whole run
            if (run.label.equals(label) && run.ticks >= Math.max(1, ticksPerRun / 10)) {
                seconds += (now - run.startedNanos) / 1e9;
                ticks += run.ticks;
            }
        }
        return ticks > 0 && seconds > 0 ? seconds / ticks : fallback;
    }

    private void draw(long now, String note) {
        int done = reusedRuns + finishedRuns;
        double fraction = fractionDone();
        double overall = totalRuns == 0 ? 1 : (reusedRuns + fraction * (totalRuns - reusedRuns)) / totalRuns;
        int filled = (int) Math.round(overall * WIDTH);
        double elapsed = (now - started) / 1e9;
        String eta = fraction <= 0 ? "--" : duration(elapsed * (1 - fraction) / fraction);
        String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d runs%s %3.0f %%  ETA %s%s", title, "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, totalRuns, reusedRuns > 0 ? " (" + reusedRuns + " reused)" : "",
                100 * overall, eta, note);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** "1 h 02 min", "3 min 05 s", "42 s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
