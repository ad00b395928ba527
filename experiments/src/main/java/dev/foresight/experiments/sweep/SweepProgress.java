package dev.foresight.experiments.sweep;

import dev.foresight.cluster.TickReport;
import dev.foresight.experiments.ExperimentListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One progress bar over the whole sweep, on stderr: runs done out of all, and the time left. Progress is
 * counted in simulated ticks across the runs in flight, so the bar moves during long runs too; the time
 * left extrapolates this session's pace (runs reused from an earlier session count as done, not as speed).
 * On a terminal the bar redraws itself a few times a second; in a log, one line per finished run.
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
    private final long ticksToRun;
    private final long started;
    private long ticksRun;
    private int finishedRuns;
    private long lastDraw;

    SweepProgress(PrintStream out, boolean terminal, LongSupplier nanos, String title, int totalRuns, int reusedRuns, long ticksPerRun) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
        this.title = title;
        this.totalRuns = totalRuns;
        this.reusedRuns = reusedRuns;
        this.ticksToRun = (long) (totalRuns - reusedRuns) * ticksPerRun;
        this.started = nanos.getAsLong();
    }

    @Override
    public synchronized void onTick(String label, TickReport report) {
        ticksRun++;
        long now = nanos.getAsLong();
        if (terminal && now - lastDraw >= 250_000_000L) {
            lastDraw = now;
            draw(now, "");
        }
    }

    synchronized void runFinished(RunKey key, double wallSeconds) {
        finishedRuns++;
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

    /** Share of this session's work done, from the ticks simulated so far. */
    synchronized double fractionDone() {
        return ticksToRun == 0 ? 1 : Math.min(1, (double) ticksRun / ticksToRun);
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
