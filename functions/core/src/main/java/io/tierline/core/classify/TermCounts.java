package io.tierline.core.classify;

/**
 * How often each hashed n-gram occurs in one text: parallel arrays sorted by bucket. Raw counts, before any weighting,
 * because training needs them twice: once to learn document frequencies, once to build the weighted vectors.
 */
public record TermCounts(int[] buckets, int[] counts) {

    public TermCounts {
        if (buckets.length != counts.length) {
            throw new IllegalArgumentException("buckets and counts must have the same length");
        }
    }

    public int size() {
        return buckets.length;
    }
}
