package dev.foresight.cli.dashboard;

import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.PowerState;
import dev.foresight.schemas.Prediction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dashboard's in-memory model of one run: the latest state and risk of every node, the recent
 * alarms, commands and failures, the predictor's counts and the accounting. Fed with the pipeline's own
 * records (from topics, or mapped from the experiment runner's tick reports), read by the HTTP thread:
 * every method is synchronized, and {@link #snapshot()} copies.
 */
public final class DashboardState {

    /** Events kept for the page, newest first. */
    static final int MAX_EVENTS = 200;

    private final String source;
    private String run = "";
    private String scenario = "";
    private long tick = -1;
    private final Map<String, NodeState> nodes = new TreeMap<>();
    private final Map<String, Prediction> risks = new TreeMap<>();
    private final Set<String> inAlarm = new HashSet<>();
    private final Set<String> alarmedSinceRepair = new HashSet<>();
    private final Deque<DashboardSnapshot.Event> events = new ArrayDeque<>();
    private long predictions;
    private long alarmPredictions;
    private long alarmEpisodes;
    private long failures;
    private long failuresAfterAlarm;
    private ModelRelease model;
    private AccountingSnapshot accounting;
    private final List<DashboardSnapshot.FinishedRun> finished = new ArrayList<>();

    public DashboardState(String source) {
        this.source = source;
    }

    /** A new run begins: everything but the finished runs starts over. */
    public synchronized void startRun(String label, String scenarioName) {
        run = label;
        scenario = scenarioName;
        tick = -1;
        nodes.clear();
        risks.clear();
        inAlarm.clear();
        alarmedSinceRepair.clear();
        events.clear();
        predictions = 0;
        alarmPredictions = 0;
        alarmEpisodes = 0;
        failures = 0;
        failuresAfterAlarm = 0;
        model = null;
        accounting = null;
    }

    public synchronized void tick(long value) {
        tick = Math.max(tick, value);
    }

    public synchronized void node(NodeState state) {
        nodes.put(state.getNodeId(), state);
        tick(state.getTick());
    }

    /** A compacted cluster-state tombstone: the node left the cluster. */
    public synchronized void removeNode(String nodeId) {
        nodes.remove(nodeId);
        risks.remove(nodeId);
        inAlarm.remove(nodeId);
    }

    public synchronized void prediction(Prediction p) {
        predictions++;
        risks.put(p.getNodeId(), p);
        if (p.getAlarm()) {
            alarmPredictions++;
            alarmedSinceRepair.add(p.getNodeId());
            if (inAlarm.add(p.getNodeId())) {
                alarmEpisodes++;
                event(p.getTick(), "ALARM", p.getNodeId(), String.format(java.util.Locale.ROOT,
                        "failure predicted (p=%.2f, model v%d)", p.getProbability(), p.getModelVersion()));
            }
        } else {
            inAlarm.remove(p.getNodeId());
        }
        tick(p.getTick());
    }

    public synchronized void command(Command c) {
        String target = c.getTarget() == null ? "" : " -> " + c.getTarget();
        event(c.getTick(), "COMMAND", c.getSubject(), c.getType() + target + " (" + c.getReason() + ")");
    }

    public synchronized void commandResult(CommandResult r) {
        String reason = r.getReason() == null || r.getReason().isEmpty() ? "" : ": " + r.getReason();
        event(r.getTick(), "RESULT", r.getSubject(), r.getType() + " " + r.getStatus() + reason);
    }

    public synchronized void nodeEvent(NodeEvent e) {
        if (e.getType() == NodeEventType.FAILED) {
            failures++;
            if (alarmedSinceRepair.contains(e.getNodeId())) {
                failuresAfterAlarm++;
            }
            event(e.getTick(), "FAILURE", e.getNodeId(), "node failed" + detail(e));
        } else if (e.getType() == NodeEventType.REPAIRED) {
            alarmedSinceRepair.remove(e.getNodeId());
            event(e.getTick(), "REPAIR", e.getNodeId(), "node repaired" + detail(e));
        }
        tick(e.getTick());
    }

    public synchronized void model(ModelRelease m) {
        if (model == null || m.getVersion() > model.getVersion()) {
            model = m;
            Map<String, String> from = m.getProvenance();
            String provenance = from == null || from.isEmpty() ? ""
                    : " (" + from.getOrDefault("source", "?") + (from.containsKey("trainedOn") ? " on " + from.get("trainedOn") : "")
                            + (from.containsKey("trainedFrom") ? ", " + from.get("trainedFrom") + " to " + from.get("trainedUntil") : "")
                            + (from.containsKey("examplesFrom") ? ", examples " + from.get("examplesFrom") + " to " + from.get("examplesUntil") : "")
                            + ")";
            event(m.getEffectiveTick(), "MODEL", "v" + m.getVersion(), String.format(java.util.Locale.ROOT,
                    "%s released%s, threshold %.2f, effective from tick %d", m.getAlgorithm(), provenance, m.getThreshold(),
                    m.getEffectiveTick()));
        }
    }

    public synchronized void accounting(AccountingSnapshot snapshot) {
        accounting = snapshot;
        tick(snapshot.tick());
    }

    public synchronized void runFinished(String label, Map<String, Double> figures) {
        finished.add(new DashboardSnapshot.FinishedRun(label, figures.getOrDefault("usefulCoreHours", Double.NaN),
                figures.getOrDefault("lostCoreHours", Double.NaN), figures.getOrDefault("energyKwh", Double.NaN),
                figures.getOrDefault("failures", Double.NaN)));
    }

    public synchronized DashboardSnapshot snapshot() {
        List<DashboardSnapshot.Node> cells = new ArrayList<>(nodes.size());
        int poweredOn = 0;
        int busy = 0;
        int total = 0;
        for (NodeState n : nodes.values()) {
            Prediction p = risks.get(n.getNodeId());
            cells.add(new DashboardSnapshot.Node(n.getNodeId(), n.getRackId(), n.getPower().name(), n.getHealth().name(),
                    n.getQuarantined(), n.getUsedCores(), n.getCores(), p == null ? null : p.getProbability(),
                    p != null && p.getAlarm()));
            if (n.getPower() != PowerState.OFF) {
                poweredOn++;
            }
            busy += n.getUsedCores();
            total += n.getCores();
        }
        DashboardSnapshot.Quality quality = new DashboardSnapshot.Quality(predictions, alarmPredictions, alarmEpisodes,
                inAlarm.size(), model == null ? -1 : model.getVersion(), model == null ? null : model.getAlgorithm(),
                model == null ? null : model.getThreshold(),
                model == null || model.getProvenance() == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(model.getProvenance()),
                failures, failuresAfterAlarm);
        DashboardSnapshot.Accounting money = accounting == null
                ? new DashboardSnapshot.Accounting(null, null, null, null, poweredOn, nodes.size(), busy, total)
                : new DashboardSnapshot.Accounting(accounting.energyKwh(), accounting.usefulCoreSeconds() / 3600,
                        accounting.lostCoreSeconds() / 3600, accounting.powerWatts(), poweredOn, nodes.size(), busy, total);
        return new DashboardSnapshot(source, run, scenario, tick, cells, List.copyOf(events), quality, money, List.copyOf(finished));
    }

    private void event(long at, String kind, String subject, String text) {
        events.addFirst(new DashboardSnapshot.Event(at, kind, subject, text));
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }

    private static String detail(NodeEvent e) {
        return e.getDetail() == null || e.getDetail().isEmpty() ? "" : " (" + e.getDetail() + ")";
    }
}
