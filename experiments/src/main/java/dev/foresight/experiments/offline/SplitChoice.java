package dev.foresight.experiments.offline;

/** How examples are split into training, validation (threshold calibration) and test slices. Never at random. */
public enum SplitChoice {
    /**
     * TIME_AND_NODE when every slice gets enough failures, else TIME: held-out nodes are the stronger test
     * but need a fleet large enough to spare them.
     */
    AUTO,
    /**
     * By time only: oldest windows train, the next validate, the newest test; windows within one horizon
     * before a cut are dropped (their labels look past it). Nodes appear in every slice.
     */
    TIME,
    /**
     * By node AND time: nodes are hashed into train, validation and test groups; training uses the train
     * group's windows before the cut, validation and test the other groups' windows after it. A test node
     * is never seen in training, and the test period comes after the training period.
     */
    TIME_AND_NODE
}
