package dev.foresight.experiments.offline;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Assigns each node to the train, validation or test group by a salted SHA-256 of its id: stable across
 * runs and machines, independent of the order nodes appear in, and, because of the salt, independent of
 * the serial-number hash that cut the shared Backblaze slice (which used the unsalted SHA-256).
 *
 * @param validationShare share of nodes in the validation group
 * @param testShare       share of nodes in the test group
 */
record NodeGroups(double validationShare, double testShare) {

    static final String SALT = "foresight/offline-split/";

    enum Group { TRAIN, VALIDATION, TEST }

    Group of(String node) {
        double u = unit(node);
        if (u < testShare) {
            return Group.TEST;
        }
        return u < testShare + validationShare ? Group.VALIDATION : Group.TRAIN;
    }

    /** The node's position in [0, 1): the first 8 bytes of the salted hash. */
    static double unit(String node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((SALT + node).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(digest, 0, 8).getLong() >>> 11; // 53 bits: exact in a double
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
