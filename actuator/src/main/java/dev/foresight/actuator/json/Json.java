package dev.foresight.actuator.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * The JSON form of the actuator's own records (audit entries, approvals, its state snapshot). These
 * are not part of the shared Avro contract: they belong to the actuator alone, and JSON lets an
 * operator read or write them with the console tools.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {}

    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the type and the fault, for bytes that are not one */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new IllegalArgumentException("empty JSON where a " + type.getSimpleName() + " was expected");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // record constructors validate: their message says which field is wrong
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
