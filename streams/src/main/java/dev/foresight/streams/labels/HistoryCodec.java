package dev.foresight.streams.labels;

import dev.foresight.predictor.label.HealthEvent;
import dev.foresight.predictor.label.NodeHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Compact, versioned store encoding of a {@link NodeHistory}: (time, kind) pairs in history order. */
final class HistoryCodec {

    private static final byte FORMAT_VERSION = 1;

    private HistoryCodec() {
    }

    static byte[] encode(NodeHistory history) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeInt(history.events().size());
            for (HealthEvent event : history.events()) {
                out.writeLong(event.timeMillis());
                out.writeByte(event.kind().ordinal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen on a byte array", e);
        }
        return bytes.toByteArray();
    }

    static NodeHistory decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown node history format version " + version);
            }
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IllegalArgumentException("implausible event count " + count);
            }
            List<HealthEvent> events = new ArrayList<>(count);
            HealthEvent.Kind[] kinds = HealthEvent.Kind.values();
            for (int i = 0; i < count; i++) {
                long time = in.readLong();
                events.add(new HealthEvent(time, kinds[in.readByte()]));
            }
            return new NodeHistory(events);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt node history bytes (" + bytes.length + " bytes)", e);
        }
    }
}
