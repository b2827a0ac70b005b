package io.tierline.core.classify;

import java.util.Arrays;

/** Counts hashed n-grams of one text in an open-addressing table of primitives: no boxing on the hot path. */
final class BucketCounter {

    private static final int EMPTY = -1;

    private int[] keys;
    private int[] counts;
    private int size;

    BucketCounter(int expectedEntries) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1;
        keys = new int[capacity];
        counts = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    void add(int bucket) {
        int slot = slotOf(keys, bucket);
        if (keys[slot] == EMPTY) {
            keys[slot] = bucket;
            size++;
            if (size * 2 > keys.length) {
                grow();
                slot = slotOf(keys, bucket);
            }
        }
        counts[slot]++;
    }

    /** The counts sorted by bucket: liblinear needs ascending columns, and a FeatureSpace keeps bucket order. */
    TermCounts toTermCounts() {
        long[] packed = new long[size];
        int n = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                packed[n++] = ((long) keys[slot] << 32) | counts[slot];
            }
        }
        Arrays.sort(packed);
        int[] buckets = new int[size];
        int[] sortedCounts = new int[size];
        for (int i = 0; i < size; i++) {
            buckets[i] = (int) (packed[i] >>> 32);
            sortedCounts[i] = (int) packed[i];
        }
        return new TermCounts(buckets, sortedCounts);
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static int slotOf(int[] table, int bucket) {
        int mask = table.length - 1;
        int slot = (bucket * 0x9E3779B1) >>> 7 & mask;
        while (table[slot] != EMPTY && table[slot] != bucket) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
