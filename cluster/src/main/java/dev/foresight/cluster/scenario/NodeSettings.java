package dev.foresight.cluster.scenario;

/** Hardware of every node (the cluster is homogeneous). */
public record NodeSettings(int cores, long memoryMb) {

    public static NodeSettings defaults() {
        return new NodeSettings(32, 131_072);
    }

    public void validate(String path, Violations v) {
        v.atLeast(path + ".cores", cores, 1);
        v.atLeast(path + ".memoryMb", memoryMb, 1);
    }
}
