package dev.foresight.schemas.codec;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it has not been told to trust.
 * Anything that reads our records with Avro's own readers (container files, single-object decoders)
 * calls {@link #ensure()} first.
 */
public final class AvroTrust {

    static {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> type.getName().startsWith("dev.foresight.schemas.")));
    }

    private AvroTrust() {}

    /** Idempotent: the work happens once, when this class is initialised. */
    public static void ensure() {
        // class initialisation does it
    }
}
