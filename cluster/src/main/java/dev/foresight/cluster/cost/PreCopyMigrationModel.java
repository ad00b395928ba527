package dev.foresight.cluster.cost;

import dev.foresight.cluster.scenario.MigrationSettings;

/**
 * Pre-copy live migration (Clark et al., NSDI 2005): round 1 sends all memory while the VM runs;
 * each next round sends what the VM dirtied during the previous one ({@code dirtyRate x roundTime},
 * at most all memory). When the remainder can be sent within the downtime target, or after
 * {@code maxRounds}, the VM is paused and the remainder sent (stop-and-copy), then device state
 * moves (switch-over). A VM that dirties memory faster than the link converges only by the round cap,
 * with a long downtime: that is the model's point, not a flaw.
 */
public final class PreCopyMigrationModel implements MigrationModel {

    private final MigrationSettings settings;

    public PreCopyMigrationModel(MigrationSettings settings) {
        this.settings = settings;
    }

    @Override
    public MemoryTransfer begin(long memoryMb, double dirtyRateMbPerSec) {
        return new PreCopyTransfer(memoryMb, dirtyRateMbPerSec);
    }

    private final class PreCopyTransfer implements MemoryTransfer {

        private final double memoryMb;
        private final double dirtyRate;
        private int round = 1;
        private double roundSizeMb;
        private double roundSentMb;
        private double roundSeconds;
        private boolean stopAndCopy;
        private boolean done;
        private double downtime;
        private double sentMb;

        PreCopyTransfer(double memoryMb, double dirtyRate) {
            this.memoryMb = memoryMb;
            this.dirtyRate = dirtyRate;
            this.roundSizeMb = memoryMb;
        }

        @Override
        public double advance(double seconds, double bandwidth) {
            if (!(bandwidth > 0)) {
                throw new IllegalArgumentException("bandwidth must be > 0, got " + bandwidth);
            }
            double used = 0;
            while (used < seconds && !done) {
                double left = seconds - used;
                double needed = (roundSizeMb - roundSentMb) / bandwidth;
                if (needed > left) {
                    roundSentMb += left * bandwidth;
                    sentMb += left * bandwidth;
                    roundSeconds += left;
                    if (stopAndCopy) {
                        downtime += left;
                    }
                    used = seconds;
                    break;
                }
                used += needed;
                sentMb += roundSizeMb - roundSentMb;
                roundSeconds += needed;
                if (stopAndCopy) {
                    downtime += needed + settings.switchoverMs() / 1000;
                    done = true;
                } else {
                    endRound(bandwidth);
                }
            }
            return used;
        }

        private void endRound(double bandwidth) {
            double dirtied = Math.min(memoryMb, dirtyRate * roundSeconds);
            boolean fitsDowntime = dirtied / bandwidth <= settings.maxDowntimeMs() / 1000;
            stopAndCopy = fitsDowntime || round >= settings.maxRounds();
            if (!stopAndCopy) {
                round++;
            }
            roundSizeMb = dirtied;
            roundSentMb = 0;
            roundSeconds = 0;
        }

        @Override
        public boolean done() {
            return done;
        }

        @Override
        public double downtimeSeconds() {
            return downtime;
        }

        @Override
        public int rounds() {
            return round;
        }

        @Override
        public double sentMb() {
            return sentMb;
        }
    }
}
