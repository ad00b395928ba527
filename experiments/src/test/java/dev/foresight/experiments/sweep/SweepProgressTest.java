package dev.foresight.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.TickReport;
import dev.foresight.experiments.Policy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SweepProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void ticks(SweepProgress progress, int n) {
        ticks(progress, "periodic", n);
    }

    private static void ticks(SweepProgress progress, String label, int n) {
        for (int i = 0; i < n; i++) {
            progress.onTick(label, (TickReport) null);
        }
    }

    @Test
    void inALogEachFinishedRunPrintsTheBarWithRunsDoneAndTimeLeft() {
        SweepProgress progress = new SweepProgress(out, false, clock::get, "sweep demo", 4, 0, 10, Map.of("periodic", 4));
        clock.set(10 * SECOND);
        ticks(progress, 10);
        progress.runFinished(new RunKey(1, Policy.PERIODIC), "periodic", 10);

        assertThat(printed()).isEqualTo("sweep demo [########----------------------] 1/4 runs  25 %  ETA 30 s  (seed 1, periodic: 10 s)"
                + System.lineSeparator());
    }

    @Test
    void reusedRunsCountAsDoneButNotAsPace() {
        SweepProgress progress = new SweepProgress(out, false, clock::get, "sweep demo", 4, 2, 10, Map.of("proactive", 2));
        clock.set(60 * SECOND);
        ticks(progress, "proactive", 10);
        progress.runFinished(new RunKey(2, Policy.PROACTIVE), "proactive", 60);

        // 3 of 4 runs, and this session did one of its two runs in a minute: a minute left
        assertThat(printed()).contains("3/4 runs (2 reused)  75 %  ETA 1 min 00 s");
    }

    @Test
    void aTickWeighsWhatATickOfItsPolicyCostInTheRunsFinishedSoFar() {
        SweepProgress progress = new SweepProgress(out, false, clock::get, "sweep demo", 4, 0, 10,
                Map.of("periodic", 2, "proactive", 2));
        ticks(progress, "periodic", 10);
        clock.set(1 * SECOND);
        progress.runFinished(new RunKey(1, Policy.PERIODIC), "periodic", 1); // 0.1 s a tick
        ticks(progress, "proactive", 10);
        ticks(progress, "periodic", 10);
        clock.set(12 * SECOND);
        progress.runFinished(new RunKey(1, Policy.PROACTIVE), "proactive", 10); // 1 s a tick

        // done: 20 periodic ticks (2 s) and 10 proactive ones (10 s); left: 10 proactive ticks (10 s). Counting
        // ticks alone would say 75 % and 4 s left.
        assertThat(printed()).contains("2/4 runs  55 %  ETA 10 s");
    }

    @Test
    void aPolicyWithNoFinishedRunIsCostedByItsRunsInFlightOnceATenthIsDone() {
        SweepProgress progress = new SweepProgress(out, true, clock::get, "sweep demo", 3, 0, 20,
                Map.of("periodic", 1, "proactive", 2));
        progress.runStarted("periodic");
        ticks(progress, "periodic", 20);
        clock.set(2 * SECOND);
        progress.runFinished(new RunKey(1, Policy.PERIODIC), "periodic", 2); // 0.1 s a tick
        progress.runStarted("proactive");
        clock.set(3 * SECOND);
        ticks(progress, "proactive", 1);
        // fewer than a tenth of its ticks: costed as the finished run, 2.1 s done of 6 s
        assertThat(printed()).endsWith("1/3 runs  35 %  ETA 6 s   ");
        for (int second = 4; second <= 12; second++) {
            clock.set(second * SECOND);
            ticks(progress, "proactive", 1); // 1 s a tick
        }

        // done: 20 periodic ticks (2 s) and 10 proactive ones (10 s); left: 30 proactive ticks (30 s). Costed as the
        // finished periodic run, the sweep would look 50 % done with 12 s left.
        assertThat(printed()).endsWith("1/3 runs  29 %  ETA 30 s   ");
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceDuringRunsAtMostFourTimesASecond() {
        SweepProgress progress = new SweepProgress(out, true, clock::get, "sweep demo", 2, 0, 100, Map.of("periodic", 2));
        clock.set(SECOND);
        ticks(progress, 49); // the first tick draws
        clock.addAndGet(SECOND / 10);
        ticks(progress, 10); // too soon to draw again
        clock.addAndGet(SECOND / 5);
        ticks(progress, 1); // 300 ms after the last drawing: 60 of 200 ticks

        String[] drawings = printed().split("\r", -1);
        assertThat(drawings).hasSize(3);
        assertThat(drawings[1]).startsWith("sweep demo [------------------------------] 0/2 runs   1 %");
        assertThat(drawings[2]).startsWith("sweep demo [#########---------------------] 0/2 runs  30 %");
        progress.close();
        assertThat(printed()).as("nothing finished: no line to end").doesNotEndWith("\n");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(SweepProgress.duration(42)).isEqualTo("42 s");
        assertThat(SweepProgress.duration(185)).isEqualTo("3 min 05 s");
        assertThat(SweepProgress.duration(3720)).isEqualTo("1 h 02 min");
    }
}
