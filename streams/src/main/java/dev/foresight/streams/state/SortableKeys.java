package dev.foresight.streams.state;

/**
 * Fixed-width text encodings of numbers whose string order is their numeric order, so that store keys
 * built from them can be range-scanned in time or sequence order (RocksDB and the in-memory store both
 * order keys by their serialized bytes).
 */
public final class SortableKeys {

    /** Characters of an encoded long. */
    public static final int WIDTH = 16;

    private SortableKeys() {
    }

    /** A signed long as 16 hex digits; flipping the sign bit makes negative values sort first. */
    public static String of(long value) {
        String hex = Long.toHexString(value ^ Long.MIN_VALUE);
        return "0".repeat(WIDTH - hex.length()) + hex;
    }

    /** The long encoded by {@link #of(long)}. */
    public static long parse(String encoded) {
        return Long.parseUnsignedLong(encoded, 16) ^ Long.MIN_VALUE;
    }

    /** 8 big-endian bytes, for long values kept in byte-array stores. */
    public static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    public static long longFrom(byte[] bytes) {
        if (bytes.length != 8) {
            throw new IllegalArgumentException("expected 8 bytes for a long, got " + bytes.length);
        }
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
