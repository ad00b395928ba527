package dev.foresight.predictor.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/** Payloads built to hurt a Java deserializer, gzip'd as a model payload is. */
final class HostilePayloads {

    private HostilePayloads() {
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] serialized(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] payload(Serializable value) {
        return gzip(serialized(value));
    }

    /**
     * "SerialDOS" (Wouter Coekaerts): 100 levels of two sets each holding both sets of the level below. 6 KB, and
     * hashing the root on deserialization takes 2^100 steps.
     */
    static byte[] nestedHashSets() {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo"); // makes t1 unequal to t2
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return payload((Serializable) root);
    }

    /** The same attack with maps as keys: HashMap is a class a model needs, so the allowlist alone cannot stop it. */
    static byte[] nestedHashMaps() {
        Map<Object, Object> root = new HashMap<>();
        Map<Object, Object> s1 = root;
        Map<Object, Object> s2 = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            Map<Object, Object> t1 = new HashMap<>();
            Map<Object, Object> t2 = new HashMap<>();
            t1.put("foo", 1);
            s1.put(t1, 1);
            s1.put(t2, 1);
            s2.put(t1, 1);
            s2.put(t2, 1);
            s1 = t1;
            s2 = t2;
        }
        return payload((Serializable) root);
    }

    /** A stream that declares a {@code double[length]} and then ends: a decoder that trusts the length allocates it. */
    static byte[] declaredDoubleArray(int length) {
        byte[] bytes = serialized(new double[] {1.0});
        // the array's length (big-endian 1) sits just before its one 8-byte element, at the end of the stream
        int at = bytes.length - 8 - 4;
        if (bytes[at] != 0 || bytes[at + 1] != 0 || bytes[at + 2] != 0 || bytes[at + 3] != 1) {
            throw new IllegalStateException("unexpected serialization layout");
        }
        bytes[at] = (byte) (length >>> 24);
        bytes[at + 1] = (byte) (length >>> 16);
        bytes[at + 2] = (byte) (length >>> 8);
        bytes[at + 3] = (byte) length;
        return gzip(java.util.Arrays.copyOf(bytes, at + 4));
    }

    /** Object arrays nested {@code depth} deep. */
    static byte[] nestedArrays(int depth) {
        Object[] inner = new Object[0];
        for (int i = 0; i < depth; i++) {
            inner = new Object[] {inner};
        }
        return payload(inner);
    }
}
