package dev.foresight.cli.dashboard;

import java.util.List;

/**
 * What the dashboard page shows, as served at {@code /api/state} (JSON). Absent figures are null: a
 * dashboard reading a cluster's topics knows the nodes' power and load but not the simulator's energy
 * and lost-work accounting.
 *
 * @param source   {@code demo} (fed by the experiment runner) or {@code cluster} (reading topics)
 * @param run      the run being shown (a demo runs each policy in turn), or the topic prefix
 * @param tick     latest simulated tick seen, -1 before the first
 */
public record DashboardSnapshot(String source, String run, String scenario, long tick, List<Node> nodes,
                                List<Event> events, Quality quality, Accounting accounting, List<FinishedRun> finishedRuns) {

    /**
     * A cell of the cluster grid.
     *
     * @param risk latest predicted failure probability, null before the node's first prediction
     */
    public record Node(String id, String rack, String power, String health, boolean quarantined, int usedCores,
                       int cores, Double risk, boolean alarm) {}

    /** Something that happened: an alarm raised, a command issued, its result, a failure, a model release. */
    public record Event(long tick, String kind, String subject, String text) {}

    /**
     * How the predictor is doing so far in this run.
     *
     * @param modelVersion -1 until a model is released
     * @param modelProvenance where the model in effect came from (training recording or examples, period, seed,
     *     validation figures, the release it replaced), as its release carries it; empty when none is known
     */
    public record Quality(long predictions, long alarmPredictions, long alarmEpisodes, int nodesInAlarm,
                          int modelVersion, String modelAlgorithm, Double modelThreshold,
                          java.util.SortedMap<String, String> modelProvenance, long failures, long failuresAfterAlarm) {}

    /** Energy and work; the simulator's figures are null when reading a cluster's topics. */
    public record Accounting(Double energyKwh, Double usefulCoreHours, Double lostCoreHours, Double powerWatts,
                             int poweredOnNodes, int totalNodes, int busyCores, int totalCores) {}

    /** A finished demo run, for comparison with the one in progress. */
    public record FinishedRun(String label, double usefulCoreHours, double lostCoreHours, double energyKwh, double failures) {}
}
