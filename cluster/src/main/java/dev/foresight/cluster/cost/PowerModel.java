package dev.foresight.cluster.cost;

import dev.foresight.cluster.view.PowerStatus;

/** Electrical draw of one node. */
public interface PowerModel {

    /**
     * @param down the node is failed or under repair (dark, whatever its last power state)
     * @param cpuUtil busy share of its cores, 0..1, meaningful when ON
     */
    double watts(PowerStatus power, boolean down, double cpuUtil);
}
