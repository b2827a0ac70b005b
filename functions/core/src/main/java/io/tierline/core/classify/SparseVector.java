package io.tierline.core.classify;

/** A weighted feature vector: column indices into a {@link FeatureSpace}, ascending, with their values. */
public record SparseVector(int[] columns, float[] values) {

    public SparseVector {
        if (columns.length != values.length) {
            throw new IllegalArgumentException("columns and values must have the same length");
        }
    }

    public int size() {
        return columns.length;
    }
}
