package dev.foresight.streams.lockstep;

/** The two input lanes a streams task aligns, in the order a completed tick releases them. */
public enum Lane {
    /** Node events first: a failure at tick k must be known before tick k's windows are labelled. */
    NODE_EVENTS("events"),
    TELEMETRY("telemetry");

    private final String key;

    Lane(String key) {
        this.key = key;
    }

    /** The lane's name in the inbox store. */
    public String key() {
        return key;
    }
}
