package dev.foresight.experiments.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.release.ModelCodec;
import dev.foresight.predictor.release.ModelCodecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads and writes {@link OfflineModel} files (JSON). */
public final class OfflineModelFile {

    public static final String FORMAT = "foresight-offline-model/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
        FailurePredictor predictor;
        try {
            predictor = ModelCodec.decode(Base64.getDecoder().decode(model.payload()));
        } catch (IllegalArgumentException | ModelCodecException e) {
            throw new IllegalArgumentException(file + ": the model payload cannot be read: " + e.getMessage(), e);
        }
        if (!predictor.schema().names().equals(model.featureNames())) {
            throw new IllegalArgumentException(file + ": the payload's columns differ from featureNames; the file was edited");
        }
        return predictor;
    }

    static String encode(FailurePredictor predictor) {
        return Base64.getEncoder().encodeToString(ModelCodec.encode(predictor));
    }
}
