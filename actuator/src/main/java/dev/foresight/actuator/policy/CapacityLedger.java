package dev.foresight.actuator.policy;

import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.NodeView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Free capacity per node as the policies of one tick use it up. Shared by every policy of a tick, in
 * order, so that two policies never count the same free cores twice.
 *
 * <p>It starts from the view and subtracts what the view cannot show: VMs this actuator is migrating
 * onto a node (the cluster reserves their room on the target until switch-over, but lists them on
 * their source). Capacity is never given back within a tick (a VM leaving a node frees its room only
 * once the view shows it gone), so the ledger errs on the side of rejecting nothing.
 *
 * <p>Tentative plans use {@link #mark()} and {@link #rollback(int)}: a policy that places some VMs of
 * a job and then finds no room for the rest undoes the first placements.
 */
public final class CapacityLedger {

    private static final class Room {
        int cores;
        long memoryMb;

        Room(int cores, long memoryMb) {
            this.cores = cores;
            this.memoryMb = memoryMb;
        }
    }

    private final Map<String, Room> rooms = new TreeMap<>();
    private final Map<String, Integer> incoming = new TreeMap<>();
    private final Set<String> claimed = new TreeSet<>();
    private final Set<String> poweringOn = new TreeSet<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    private CapacityLedger() {}

    /**
     * Usable nodes of the view (powered, healthy, not quarantined), minus those this actuator has just
     * quarantined or powered off, with the room its in-flight migrations hold on their targets.
     */
    public static CapacityLedger of(ViewIndex index, OperationsView operations) {
        CapacityLedger ledger = new CapacityLedger();
        for (NodeView node : index.nodes()) {
            String id = node.nodeId();
            if (node.isUsable() && !operations.pending(CommandKind.QUARANTINE, id) && !operations.pending(CommandKind.POWER_OFF, id)) {
                ledger.rooms.put(id, new Room(node.freeCores(), node.freeMemoryMb()));
            }
        }
        for (OperationsView.InFlightMigration migration : operations.migrationsInFlight()) {
            var placed = index.vm(migration.vmId());
            if (placed.isEmpty() || !placed.get().node().nodeId().equals(migration.source())) {
                continue;
            }
            Room room = ledger.rooms.get(migration.target());
            if (room != null) {
                room.cores -= placed.get().vm().cores();
                room.memoryMb -= placed.get().vm().memoryMb();
            }
            ledger.incoming.merge(migration.target(), 1, Integer::sum);
        }
        return ledger;
    }

    /** Accepts new VMs this tick: usable in the view and not claimed by a policy. */
    public boolean usable(String nodeId) {
        return rooms.containsKey(nodeId) && !claimed.contains(nodeId);
    }

    public boolean canHost(String nodeId, int cores, long memoryMb) {
        Room room = rooms.get(nodeId);
        return room != null && !claimed.contains(nodeId) && room.cores >= cores && room.memoryMb >= memoryMb;
    }

    public int freeCores(String nodeId) {
        Room room = rooms.get(nodeId);
        return room == null ? 0 : Math.max(0, room.cores);
    }

    public long freeMemoryMb(String nodeId) {
        Room room = rooms.get(nodeId);
        return room == null ? 0 : Math.max(0, room.memoryMb);
    }

    /** How many VMs of this size still fit on the node. */
    public int slots(String nodeId, int cores, long memoryMb) {
        if (!usable(nodeId)) {
            return 0;
        }
        return (int) Math.min(freeCores(nodeId) / Math.max(1, cores), freeMemoryMb(nodeId) / Math.max(1, memoryMb));
    }

    /** Room taken by a VM migrating onto the node. */
    public void reserveIncoming(String nodeId, int cores, long memoryMb) {
        hold(nodeId, cores, memoryMb);
        incoming.merge(nodeId, 1, Integer::sum);
        undo.push(() -> incoming.merge(nodeId, -1, Integer::sum));
    }

    /** Room kept for something that is not a migration (a queued job the scheduler will place). */
    public void hold(String nodeId, int cores, long memoryMb) {
        Room room = rooms.get(nodeId);
        if (room == null) {
            throw new IllegalStateException("node " + nodeId + " is not usable; cannot hold " + cores + " cores on it");
        }
        room.cores -= cores;
        room.memoryMb -= memoryMb;
        undo.push(() -> {
            room.cores += cores;
            room.memoryMb += memoryMb;
        });
    }

    /** Reserves the node for one purpose: no policy may place anything else on it this tick. */
    public void claim(String nodeId) {
        if (claimed.add(nodeId)) {
            undo.push(() -> claimed.remove(nodeId));
        }
    }

    public boolean claimed(String nodeId) {
        return claimed.contains(nodeId);
    }

    /** Some VM is (or is about to be) migrating onto the node. */
    public boolean hasIncoming(String nodeId) {
        return incoming.getOrDefault(nodeId, 0) > 0;
    }

    /** A policy decided to power the node on this tick; later policies count it as arriving capacity. */
    public void markPoweringOn(String nodeId) {
        if (poweringOn.add(nodeId)) {
            undo.push(() -> poweringOn.remove(nodeId));
        }
    }

    public boolean poweringOn(String nodeId) {
        return poweringOn.contains(nodeId);
    }

    /** Usable, unclaimed nodes, in id order. */
    public List<String> usableNodes() {
        return rooms.keySet().stream().filter(id -> !claimed.contains(id)).toList();
    }

    public int mark() {
        return undo.size();
    }

    /** Undoes everything since {@code mark}, newest first. */
    public void rollback(int mark) {
        while (undo.size() > mark) {
            undo.pop().run();
        }
    }
}
