package dev.foresight.cluster.engine;

import dev.foresight.cluster.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every mutable entity of the cluster. Hash maps here are for lookups only; anything iterated is
 * an array, a list in a defined order, or a sorted collection, so runs are reproducible.
 */
final class ClusterState {

    /** Highest priority first, then first submitted. */
    static final Comparator<Job> QUEUE_ORDER = Comparator.<Job>comparingInt(j -> -j.spec.priority())
            .thenComparingLong(j -> j.submitSequence);

    final Scenario scenario;
    final Rack[] racks;
    final Node[] nodes;
    final Map<String, Node> nodesById = new HashMap<>();
    /** Jobs not yet completed, by id. */
    final TreeMap<String, Job> jobs = new TreeMap<>();
    final Map<String, Vm> vmsById = new HashMap<>();
    final TreeSet<Job> queue = new TreeSet<>(QUEUE_ORDER);
    /** In start order. */
    final List<Migration> migrations = new ArrayList<>();
    final Set<String> completedJobIds = new HashSet<>();
    long submitSequence;

    ClusterState(Scenario scenario) {
        this.scenario = scenario;
        this.racks = new Rack[scenario.racks()];
        for (int r = 0; r < racks.length; r++) {
            racks[r] = new Rack(r, scenario.rackId(r));
        }
        this.nodes = new Node[scenario.nodes()];
        for (int i = 0; i < nodes.length; i++) {
            Rack rack = racks[scenario.rackIndexOf(i)];
            nodes[i] = new Node(i, scenario.nodeId(i), rack, scenario.node().cores(), scenario.node().memoryMb());
            nodesById.put(nodes[i].id, nodes[i]);
        }
    }
}
