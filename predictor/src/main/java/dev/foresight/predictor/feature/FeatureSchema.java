package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The fixed column order of a model: the feature names it was trained on.
 *
 * <p>Feature vectors from an open vocabulary vary in their names, so every vector is aligned to
 * the schema before a model sees it: a schema name missing from the vector becomes NaN (the model
 * then fills it with its training mean, see {@code FailurePredictor}); a vector name unknown to
 * the schema is dropped. With an open vocabulary the streaming shell freezes the schema at first
 * sight ({@code FeatureSchema.of(firstFeatures.names())}) and keeps it until the next model is
 * trained on a newer schema; metrics first seen later are therefore ignored until then.
 *
 * <p>Immutable; equal when the names and their order are equal.
 */
public final class FeatureSchema implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> names;
    /** Name to column; rebuilt lazily after deserialization. */
    private transient volatile Map<String, Integer> index;

    private FeatureSchema(List<String> names) {
        this.names = List.copyOf(names);
        if (new HashSet<>(this.names).size() != this.names.size()) {
            throw new IllegalArgumentException("feature names must be distinct: " + names);
        }
    }

    /** A schema with the given names in the given order. */
    public static FeatureSchema of(Collection<String> names) {
        return new FeatureSchema(List.copyOf(names));
    }

    /** The column names, in model order. */
    public List<String> names() {
        return names;
    }

    /** Positional names {@code x0, x1, ...} for vectors that come without names. */
    public static FeatureSchema anonymous(int size) {
        return new FeatureSchema(IntStream.range(0, size).mapToObj(i -> "x" + i).toList());
    }

    /** The number of columns. */
    public int size() {
        return names.size();
    }

    /** Column of a name, or -1. */
    public int indexOf(String name) {
        return index().getOrDefault(name, -1);
    }

    /** The vector's values in this schema's order; NaN where the vector lacks a name. */
    public double[] align(Features features) {
        double[] aligned = new double[names.size()];
        for (int i = 0; i < aligned.length; i++) {
            aligned[i] = features.get(names.get(i));
        }
        return aligned;
    }

    /** The values of a map in this schema's order; NaN where the map lacks a name or holds null. */
    public double[] align(Map<String, Double> values) {
        double[] aligned = new double[names.size()];
        for (int i = 0; i < aligned.length; i++) {
            Double value = values.get(names.get(i));
            aligned[i] = value == null ? Double.NaN : value;
        }
        return aligned;
    }

    /** The values of parallel name/value lists (as in a FeatureVector record) in this schema's order. */
    public double[] align(List<String> vectorNames, double[] vectorValues) {
        if (vectorNames.size() != vectorValues.length) {
            throw new IllegalArgumentException("names and values differ in length: "
                    + vectorNames.size() + " vs " + vectorValues.length);
        }
        return projectionFrom(new FeatureSchema(vectorNames)).apply(vectorValues);
    }

    /**
     * A reusable mapping from vectors laid out in {@code source} to this schema: the hot path
     * when every vector of a stream shares one source layout.
     */
    public Projection projectionFrom(FeatureSchema source) {
        Objects.requireNonNull(source, "source");
        int[] sourceIndex = new int[names.size()];
        for (int i = 0; i < sourceIndex.length; i++) {
            sourceIndex[i] = source.indexOf(names.get(i));
        }
        return new Projection(source.size(), sourceIndex);
    }

    private Map<String, Integer> index() {
        Map<String, Integer> built = index;
        if (built == null) {
            built = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                built.put(names.get(i), i);
            }
            index = built;
        }
        return built;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSchema other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureSchema" + names;
    }

    /** Maps vectors of one layout onto another; source columns without a target are dropped. */
    public static final class Projection {
        private final int sourceSize;
        private final int[] sourceIndex;

        private Projection(int sourceSize, int[] sourceIndex) {
            this.sourceSize = sourceSize;
            this.sourceIndex = sourceIndex;
        }

        /** Whether the projection is the identity (same names, same order). */
        public boolean identity() {
            if (sourceIndex.length != sourceSize) {
                return false;
            }
            for (int i = 0; i < sourceIndex.length; i++) {
                if (sourceIndex[i] != i) {
                    return false;
                }
            }
            return true;
        }

        /** The target vector; NaN for target columns the source lacks. */
        public double[] apply(double[] source) {
            if (source.length != sourceSize) {
                throw new IllegalArgumentException("expected " + sourceSize + " values, got " + source.length);
            }
            double[] target = new double[sourceIndex.length];
            for (int i = 0; i < target.length; i++) {
                target[i] = sourceIndex[i] >= 0 ? source[sourceIndex[i]] : Double.NaN;
            }
            return target;
        }

        @Override
        public String toString() {
            return "Projection" + Arrays.toString(sourceIndex);
        }
    }
}
