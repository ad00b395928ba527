package dev.foresight.experiments.loop;

import dev.foresight.cluster.TickReport;
import dev.foresight.producers.sim.SimulationDriver;
import java.io.PrintStream;
import java.util.Locale;

/** One self-overwriting line on stderr: simulated time, ticks, records/s and ETA. */
public final class ProgressLine implements SimulationDriver.TickListener {

    private final PrintStream out;
    private final String label;
    private final long totalTicks;
    private final long tickSeconds;
    private final long started = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private long records;
    private long lastPrint;
    private long lastDecile = -1;

    public ProgressLine(PrintStream out, String label, long totalTicks, long tickSeconds) {
        this.out = out;
        this.label = label;
        this.totalTicks = totalTicks;
        this.tickSeconds = tickSeconds;
    }

    @Override
    public void onTick(TickReport report) {
        records += report.telemetry().size() + report.events().size() + report.nodeStates().size() + report.outcomes().size();
        long now = System.nanoTime();
        boolean last = report.tick() + 1 >= totalTicks;
        // On a terminal the line rewrites itself 4 times a second; in a log file one line per 10% is enough.
        long decile = totalTicks == 0 ? 10 : (report.tick() + 1) * 10 / totalTicks;
        if (terminal ? (!last && now - lastPrint < 250_000_000L) : decile == lastDecile) {
            return;
        }
        lastDecile = decile;
        lastPrint = now;
        double elapsed = Math.max(1e-3, (now - started) / 1e9);
        long done = report.tick() + 1;
        double eta = done >= totalTicks ? 0 : elapsed / done * (totalTicks - done);
        double simDays = done * tickSeconds / 86400.0;
        out.printf(Locale.ROOT, (terminal ? "\r" : "") + "%-22s sim %6.2f d  tick %6d/%d  %,9.0f rec/s  ETA %5.0f s   ",
                label, simDays, done, totalTicks, records / elapsed, eta);
        if (last || !terminal) {
            out.println();
        }
        out.flush();
    }
}
