package dev.foresight.predictor.release;

/** Thrown when bytes cannot be turned back into a model: corrupt, truncated, foreign or from an incompatible version. */
public class ModelCodecException extends RuntimeException {

    public ModelCodecException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelCodecException(String message) {
        super(message);
    }
}
