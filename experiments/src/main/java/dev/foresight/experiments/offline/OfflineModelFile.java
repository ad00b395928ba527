package dev.foresight.experiments.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.calibration.Calibration;
import dev.foresight.predictor.release.ModelCodec;
import dev.foresight.predictor.release.ModelCodecException;
import dev.foresight.predictor.release.ModelLimits;
import dev.foresight.schemas.topics.TopicSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.foresight.schemas.ModelRelease;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes {@link OfflineModel} files (JSON). */
public final class OfflineModelFile {

    public static final String FORMAT = "foresight-offline-model/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What the payload of a model file may hold: what the models topic accepts by default, since such a model seeds the
     * live topology ({@code --initial-model}) and must fit on that topic.
     */
    static final ModelLimits LIMITS = new ModelLimits(TopicSettings.DEFAULT_MAX_MODEL_BYTES);

    /** Base64 of the largest payload, plus room for names, provenance and validation figures. */
    static final long MAX_FILE_BYTES = 4L * ((LIMITS.maxPayloadBytes() + 2) / 3) + (4L << 20);

    private OfflineModelFile() {
    }

    public static void write(OfflineModel model, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model file; the error says what is wrong with it. */
    public static OfflineModel read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model " + file + ": no such file");
        }
        long size = size(file);
        if (size > MAX_FILE_BYTES) {
            // refused before parsing: the whole file would be read into memory
            throw new ModelCodecException(file + ": refused: " + size + " bytes, more than the " + MAX_FILE_BYTES
                    + " a model file holding a payload of at most " + LIMITS.maxPayloadBytes() + " bytes can take");
        }
        OfflineModel model;
        try {
            model = MAPPER.readValue(file.toFile(), OfflineModel.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a model file written by 'foresight train': " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(model.format())) {
            throw new IllegalArgumentException(file + ": format '" + model.format() + "' is not " + FORMAT);
        }
        return model;
    }

    /** The predictor inside a model, checked against the columns the file declares. */
    public static FailurePredictor predictor(OfflineModel model, Path file) {
        if (model.payload() == null) {
            throw new ModelCodecException(file + ": the model file has no payload");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(model.payload());
        } catch (IllegalArgumentException e) {
            throw new ModelCodecException(file + ": the model payload is not base64: " + e.getMessage(), e);
        }
        FailurePredictor predictor;
        try {
            predictor = ModelCodec.decode(payload, LIMITS);
        } catch (ModelCodecException e) {
            throw new ModelCodecException(file + ": " + e.getMessage(), e);
        }
        if (!predictor.schema().names().equals(model.featureNames())) {
            throw new IllegalArgumentException(file + ": the payload's columns differ from featureNames; the file was edited");
        }
        return predictor;
    }

    /**
     * The model as a release the streaming topology can start from: version 0, effective from the first tick, its
     * provenance (the recording, period, seed, algorithm and validation figures it was trained with) travelling
     * with it.
     */
    public static ModelRelease release(OfflineModel model, Path file, java.time.Instant effectiveTime) {
        FailurePredictor predictor = predictor(model, file); // checks the payload against the declared columns
        Map<String, String> provenance = new TreeMap<>();
        provenance.put("source", "offline training (foresight train)");
        provenance.put("modelFile", file.toString());
        provenance.put("trainedOn", model.trainedOn());
        provenance.put("trainedOnPolicy", String.valueOf(model.trainedOnPolicy()));
        provenance.put("algorithm", model.algorithm());
        provenance.put("seed", Long.toString(model.seed()));
        provenance.put("horizon", model.horizon());
        if (model.split() != null && model.split().train() != null) {
            provenance.put("trainedFrom", String.valueOf(model.split().train().from()));
            provenance.put("trainedUntil", String.valueOf(model.split().validation().to()));
            provenance.put("trainFailures", Long.toString(model.split().train().failures()));
            provenance.put("validationFailures", Long.toString(model.split().validation().failures()));
        }
        if (model.calibration() != null) {
            provenance.put("threshold", model.calibration().strategy() + " " + model.calibration().threshold());
        }
        Map<String, Double> metrics = new TreeMap<>();
        if (model.validation() != null) {
            model.validation().forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    metrics.put(k, v);
                }
            });
        }
        // as the online trainer never releases one: a threshold that did not reach its target precision on validation
        // would flood the actuator with false alarms, so such a model scores (its probabilities still weigh actions)
        // but never alarms
        boolean fitToAct = model.calibration() != null && model.calibration().strategy() != Calibration.Strategy.MAX_F_BETA;
        if (!fitToAct) {
            provenance.put("alarms", "none: no threshold reached precision " + (model.calibration() == null ? "?"
                    : model.calibration().targetPrecision()) + " on the validation period");
        }
        return new ModelRelease(0, model.algorithm(), model.featureNames(), fitToAct ? model.threshold() : Double.POSITIVE_INFINITY,
                model.horizonMillis(), metrics, 0L, effectiveTime, ModelCodec.ENCODING, ByteBuffer.wrap(ModelCodec.encode(predictor)),
                provenance);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String encode(FailurePredictor predictor) {
        return Base64.getEncoder().encodeToString(ModelCodec.encode(predictor));
    }
}
