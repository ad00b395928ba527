package dev.foresight.schemas.codec;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every schema this build can read: the current schema of each top-level record, plus older writer
 * schemas kept under {@code avro-history/} so that records written by older producers still decode
 * (Avro schema resolution turns them into the current classes). No registry is needed because the
 * single-object encoding carries the writer schema's fingerprint, and this catalogue maps it back.
 */
public final class SchemaCatalogue {

    /** Top-level record types that travel on topics. Nested records (PlacedVm) travel inside them. */
    public static final List<Class<? extends SpecificRecord>> RECORD_TYPES = List.of(
            NodeTelemetry.class, NodeEvent.class, FeatureVector.class, LabeledExample.class,
            ModelRelease.class, Prediction.class, NodeState.class, Command.class, CommandResult.class,
            TickMarker.class);

    /** Older writer schemas, as resource names; each must resolve to a current record type by full name. */
    static final List<String> HISTORY = List.of("avro-history/NodeTelemetry-v1.avsc", "avro-history/Prediction-v1.avsc",
            "avro-history/NodeEvent-v1.avsc", "avro-history/ModelRelease-v1.avsc");

    /** A writer schema and the current class it decodes into. */
    public record Entry(long fingerprint, Schema writerSchema, Class<? extends SpecificRecord> type, boolean current) {}

    private static final SchemaCatalogue INSTANCE = new SchemaCatalogue();

    private final Map<Long, Entry> byFingerprint;

    private SchemaCatalogue() {
        Map<Long, Entry> entries = new LinkedHashMap<>();
        Map<String, Class<? extends SpecificRecord>> byName = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : RECORD_TYPES) {
            Schema schema = SpecificData.get().getSchema(type);
            byName.put(schema.getFullName(), type);
            long fp = SchemaNormalization.parsingFingerprint64(schema);
            entries.put(fp, new Entry(fp, schema, type, true));
        }
        for (String resource : HISTORY) {
            Schema old = loadResource(resource);
            Class<? extends SpecificRecord> type = byName.get(old.getFullName());
            if (type == null) {
                throw new IllegalStateException("history schema " + resource + " names " + old.getFullName()
                        + ", which is not a current record type");
            }
            long fp = SchemaNormalization.parsingFingerprint64(old);
            entries.putIfAbsent(fp, new Entry(fp, old, type, false));
        }
        this.byFingerprint = Collections.unmodifiableMap(entries);
    }

    public static SchemaCatalogue get() {
        return INSTANCE;
    }

    public Optional<Entry> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    public List<Entry> entries() {
        return List.copyOf(byFingerprint.values());
    }

    static Schema loadResource(String resource) {
        try (InputStream in = SchemaCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}
