package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named feature vector: {@code names} sorted (natural String order) and distinct,
 * {@code values} parallel to it. NaN marks a feature that could not be computed (metric absent
 * from the window).
 *
 * @param names  feature names, sorted and distinct
 * @param values feature values, same length as names; copied
 */
public record Features(List<String> names, double[] values) implements Serializable {

    public Features {
        names = List.copyOf(names);
        Objects.requireNonNull(values, "values");
        if (names.size() != values.length) {
            throw new IllegalArgumentException(
                    "names and values differ in length: " + names.size() + " vs " + values.length);
        }
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i - 1).compareTo(names.get(i)) >= 0) {
                throw new IllegalArgumentException("names must be sorted and distinct; at index " + i + ": "
                        + names.get(i - 1) + " >= " + names.get(i));
            }
        }
        values = values.clone();
    }

    /** A copy of the values (records expose components; an array must not leak). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of features. */
    public int size() {
        return values.length;
    }

    /** The value of a feature, or NaN if the name is not in this vector. */
    public double get(String name) {
        int index = java.util.Collections.binarySearch(names, name);
        return index >= 0 ? values[index] : Double.NaN;
    }

    /** The features as an ordered map (name order). */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(names.get(i), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Features other && names.equals(other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Features" + asMap();
    }
}
