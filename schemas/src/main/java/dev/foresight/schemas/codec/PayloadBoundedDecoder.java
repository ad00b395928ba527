package dev.foresight.schemas.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder over one Kafka record's payload that refuses any length or item count the payload
 * cannot hold, before anything is allocated. Avro itself sizes a string, byte array or collection from
 * the length prefix it has just read (its own ceiling is about 2 GiB), so a few corrupt bytes in a
 * telemetry record could otherwise take a Streams thread down with an OutOfMemoryError instead of
 * sending the record to the dead letters.
 *
 * <p>Item counts are held to the bytes left because every array and map in Foresight's schemas has
 * items of at least one byte (map entries always carry a key).
 */
final class PayloadBoundedDecoder extends Decoder {

    private final BinaryDecoder in;

    PayloadBoundedDecoder(BinaryDecoder arrayBacked) {
        this.in = arrayBacked;
    }

    private long remaining() throws IOException {
        // For an array-backed BinaryDecoder this is exactly the unread part of the payload.
        return in.inputStream().available();
    }

    private int checkedLength(long length, String what) throws IOException {
        long left = remaining();
        if (length < 0 || length > left) {
            throw new IOException(what + " length " + length + " exceeds the " + left + " bytes left in the record");
        }
        return (int) length;
    }

    private long checkedCount(long count, String what) throws IOException {
        long left = remaining();
        if (count > left) {
            throw new IOException(what + " of " + count + " items cannot fit in the " + left + " bytes left in the record");
        }
        return count;
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = checkedLength(in.readLong(), "string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public void skipString() throws IOException {
        in.skipFixed(checkedLength(in.readLong(), "string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = checkedLength(in.readLong(), "bytes");
        ByteBuffer result = old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
        result.clear();
        in.readFixed(result.array(), result.arrayOffset(), length);
        result.limit(length);
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipFixed(checkedLength(in.readLong(), "bytes"));
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return checkedCount(in.readArrayStart(), "array block");
    }

    @Override
    public long arrayNext() throws IOException {
        return checkedCount(in.arrayNext(), "array block");
    }

    @Override
    public long skipArray() throws IOException {
        return checkedCount(in.skipArray(), "array block");
    }

    @Override
    public long readMapStart() throws IOException {
        return checkedCount(in.readMapStart(), "map block");
    }

    @Override
    public long mapNext() throws IOException {
        return checkedCount(in.mapNext(), "map block");
    }

    @Override
    public long skipMap() throws IOException {
        return checkedCount(in.skipMap(), "map block");
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
