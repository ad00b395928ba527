package dev.foresight.actuator.app;

import dev.foresight.actuator.json.Json;
import dev.foresight.actuator.memory.ActuatorMemory;
import dev.foresight.actuator.view.JobHistory;
import dev.foresight.actuator.view.LatestInputs;
import java.util.Map;

/**
 * Everything the actuator needs to continue after its last committed tick: its memory, the latest
 * inputs per node, and the job history. Written in the same transaction as the tick's commands and
 * consumer offsets, so the three always agree.
 *
 * <p>Version 2: the memory carries the prediction each quarantine acted on and the nodes cooling down
 * after a release. A version 1 snapshot is refused (reset the state topic and the consumer group).
 */
record StateSnapshot(int version, ActuatorMemory.Snapshot memory, LatestInputs.Saved inputs, Map<String, JobHistory.Seen> jobs) {

    static final int VERSION = 2;
    static final String KEY = "actuator";

    byte[] encode() {
        return Json.encode(this);
    }

    static StateSnapshot decode(byte[] bytes) {
        StateSnapshot snapshot = Json.decode(bytes, StateSnapshot.class);
        if (snapshot.version() != VERSION) {
            throw new IllegalStateException("actuator state snapshot version " + snapshot.version()
                    + " is not the supported version " + VERSION + "; reset the state topic and the consumer group");
        }
        return snapshot;
    }
}
