package io.tierline.core.classify;

import java.util.Arrays;
import java.util.List;

/**
 * The hashed buckets a model knows, each a column with its inverse document frequency, and the TF-IDF weighting that
 * turns {@link TermCounts} into the vector the model scores: sublinear term frequency {@code 1 + ln(count)}, smoothed
 * IDF {@code ln((1 + documents) / (1 + df)) + 1}, then L2 normalisation over the known columns only. Buckets seen in
 * fewer than {@code minDf} training documents are not columns: they are mostly typos and ids that would only add noise
 * and weight to the model file.
 */
public final class FeatureSpace {

    private final int[] buckets;
    private final float[] idf;

    public FeatureSpace(int[] buckets, float[] idf) {
        if (buckets.length != idf.length) {
            throw new IllegalArgumentException("buckets and idf must have the same length");
        }
        for (int i = 1; i < buckets.length; i++) {
            if (buckets[i] <= buckets[i - 1]) {
                throw new IllegalArgumentException("buckets must be strictly ascending");
            }
        }
        this.buckets = buckets.clone();
        this.idf = idf.clone();
    }

    /** Learns the columns and their IDF from the training documents. */
    public static FeatureSpace fit(List<TermCounts> documents, int minDf, int hashBits) {
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf must be at least 1");
        }
        int[] documentFrequency = new int[1 << hashBits];
        for (TermCounts document : documents) {
            for (int bucket : document.buckets()) {
                documentFrequency[bucket]++;
            }
        }
        int columns = 0;
        for (int df : documentFrequency) {
            if (df >= minDf) {
                columns++;
            }
        }
        int[] buckets = new int[columns];
        float[] idf = new float[columns];
        int column = 0;
        for (int bucket = 0; bucket < documentFrequency.length; bucket++) {
            int df = documentFrequency[bucket];
            if (df >= minDf) {
                buckets[column] = bucket;
                idf[column] = (float) (Math.log((1.0 + documents.size()) / (1.0 + df)) + 1.0);
                column++;
            }
        }
        return new FeatureSpace(buckets, idf);
    }

    public int size() {
        return buckets.length;
    }

    public SparseVector vectorize(TermCounts counts) {
        int[] columns = new int[counts.size()];
        float[] values = new float[counts.size()];
        int n = 0;
        double squaredNorm = 0;
        for (int i = 0; i < counts.size(); i++) {
            int column = Arrays.binarySearch(buckets, counts.buckets()[i]);
            if (column >= 0) {
                float value = (float) ((1.0 + Math.log(counts.counts()[i])) * idf[column]);
                columns[n] = column;
                values[n] = value;
                squaredNorm += (double) value * value;
                n++;
            }
        }
        float inverseNorm = squaredNorm == 0 ? 0f : (float) (1.0 / Math.sqrt(squaredNorm));
        for (int i = 0; i < n; i++) {
            values[i] *= inverseNorm;
        }
        return new SparseVector(Arrays.copyOf(columns, n), Arrays.copyOf(values, n));
    }

    int[] buckets() {
        return buckets.clone();
    }

    float[] idf() {
        return idf.clone();
    }
}
