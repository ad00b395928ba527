package dev.foresight.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A running SHA-256 over every tick report of a run: two runs are identical exactly when their
 * digests are. Records print deterministically (sorted metric maps, ordered lists, shortest-repr
 * doubles), so the text form is a faithful canonical encoding.
 */
public final class TraceDigest {

    private final MessageDigest sha;
    private long ticks;

    public TraceDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    public TraceDigest update(TickReport report) {
        sha.update(report.toString().getBytes(StandardCharsets.UTF_8));
        ticks++;
        return this;
    }

    public long ticks() {
        return ticks;
    }

    /** The digest so far (the digest keeps accumulating). */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }
}
