package io.tierline.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    private static TermCounts doc(int[] buckets, int[] counts) {
        return new TermCounts(buckets, counts);
    }

    @Test
    void keepsBucketsInAtLeastMinDfDocumentsWithSmoothedIdf() {
        List<TermCounts> docs = List.of(
                doc(new int[] {1, 5}, new int[] {1, 1}),
                doc(new int[] {1, 7}, new int[] {3, 1}),
                doc(new int[] {1, 5, 9}, new int[] {1, 2, 1}));
        FeatureSpace space = FeatureSpace.fit(docs, 2, 4);
        assertArrayEquals(new int[] {1, 5}, space.buckets());
        // idf = ln((1 + n) / (1 + df)) + 1 with n = 3
        assertEquals(1.0, space.idf()[0], 1e-6);
        assertEquals(Math.log(4.0 / 3.0) + 1, space.idf()[1], 1e-6);
    }

    @Test
    void weighsSublinearTfTimesIdfAndNormalisesOverKnownColumns() {
        FeatureSpace space = new FeatureSpace(new int[] {1, 5}, new float[] {1.0f, 2.0f});
        // bucket 1 seen 3 times: (1 + ln 3) × 1; bucket 5 once: 1 × 2; bucket 9 is unknown and dropped
        SparseVector vector = space.vectorize(doc(new int[] {1, 5, 9}, new int[] {3, 1, 4}));
        double a = 1 + Math.log(3);
        double b = 2;
        double norm = Math.sqrt(a * a + b * b);
        assertArrayEquals(new int[] {0, 1}, vector.columns());
        assertEquals(a / norm, vector.values()[0], 1e-6);
        assertEquals(b / norm, vector.values()[1], 1e-6);
    }

    @Test
    void aTextWithOnlyUnknownFeaturesIsTheZeroVector() {
        FeatureSpace space = new FeatureSpace(new int[] {1}, new float[] {1f});
        assertEquals(0, space.vectorize(doc(new int[] {2, 3}, new int[] {1, 1})).size());
    }
}
