package dev.foresight.actuator.view;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.codec.AvroCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest NodeState and Prediction of every node, as applied so far in partition order. What the
 * view and the risk view of the next tick are built from.
 */
public final class LatestInputs {

    /** Avro single-object encodings, as saved in the state snapshot. */
    public record Saved(List<byte[]> nodeStates, List<byte[]> predictions) {}

    private final Map<String, NodeState> states = new TreeMap<>();
    private final Map<String, Prediction> predictions = new TreeMap<>();

    public void apply(NodeState state) {
        states.put(state.getNodeId(), state);
    }

    /** A tombstone on the compacted topic: the node left the cluster. */
    public void removeNode(String nodeId) {
        states.remove(nodeId);
        predictions.remove(nodeId);
    }

    public void apply(Prediction prediction) {
        Prediction previous = predictions.get(prediction.getNodeId());
        if (previous == null || prediction.getTick() >= previous.getTick()) {
            predictions.put(prediction.getNodeId(), prediction);
        }
    }

    /** In node id order. */
    public Collection<NodeState> nodeStates() {
        return Collections.unmodifiableCollection(states.values());
    }

    public List<NodeRisk> risks() {
        List<NodeRisk> risks = new ArrayList<>(predictions.size());
        for (Prediction p : predictions.values()) {
            risks.add(new NodeRisk(p.getNodeId(), p.getTick(), p.getProbability(), p.getAlarm(), p.getModelVersion(),
                    p.getHorizonMillis(), p.getThreshold()));
        }
        return risks;
    }

    public Saved save() {
        return new Saved(states.values().stream().map(AvroCodec::encode).toList(),
                predictions.values().stream().map(AvroCodec::encode).toList());
    }

    public static LatestInputs restore(Saved saved) {
        LatestInputs inputs = new LatestInputs();
        saved.nodeStates().forEach(bytes -> inputs.apply(AvroCodec.decode(bytes, NodeState.class)));
        saved.predictions().forEach(bytes -> inputs.apply(AvroCodec.decode(bytes, Prediction.class)));
        return inputs;
    }
}
