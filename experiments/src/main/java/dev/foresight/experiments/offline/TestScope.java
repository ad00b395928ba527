package dev.foresight.experiments.offline;

import java.util.Arrays;

/**
 * The nodes and the period a test slice covers: failures of these nodes from {@code fromMillis} on are the
 * ones the test is about, whether or not they have a window in it.
 *
 * @param nodes      per node index of the fleet, whether it is a test node
 * @param fromMillis the test period's start (a split's cut, or a held-out recording's start)
 */
record TestScope(boolean[] nodes, long fromMillis) {

    static TestScope allNodes(int count, long fromMillis) {
        boolean[] all = new boolean[count];
        Arrays.fill(all, true);
        return new TestScope(all, fromMillis);
    }

    boolean covers(int node) {
        return node >= 0 && node < nodes.length && nodes[node];
    }
}
