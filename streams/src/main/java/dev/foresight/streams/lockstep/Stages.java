package dev.foresight.streams.lockstep;

/** The {@code stage} names of tick markers: who vouches that a tick is complete. */
public final class Stages {

    /** Markers the simulator (or any upstream producer) writes after each tick's inputs. */
    public static final String SIMULATOR = "simulator";
    /** Markers this application writes after a tick's features, examples and predictions. */
    public static final String STREAMS = "streams";
    /** Markers the trainer broadcasts after deciding (releasing a model or not) at a tick. */
    public static final String TRAINER = "trainer";

    /** Key of every marker record: markers are routed by their partition field, never by key. */
    public static final String MARKER_KEY = "~tick";

    private Stages() {
    }
}
