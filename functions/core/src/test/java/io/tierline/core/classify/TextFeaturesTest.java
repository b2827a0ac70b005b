package io.tierline.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private final TextFeatures words = new TextFeatures(new FeatureSettings(2, 0, 0, 12));

    @Test
    void wordsAreRunsOfUnicodeLettersAndDigits() {
        assertEquals(List.of("größe", "ändern", "doesn", "t", "work", "e", "mail", "404", "naïve", "ção"),
                Tokenizer.words("Größe ändern: doesn't work (e-mail 404) naïve, ção!"));
    }

    @Test
    void countsUnigramsAndBigramsIgnoringCaseAndPunctuation() {
        TermCounts counts = words.count("Printer jammed, printer");
        // printer ×2, jammed, "printer jammed", "jammed printer"
        assertEquals(4, counts.size());
        assertEquals(5, sum(counts.counts()));
        assertArrayEqualsCounts(counts, words.count("PRINTER jammed ... Printer"));
    }

    @Test
    void characterNgramsArePaddedInsideEachWord() {
        TextFeatures chars = new TextFeatures(new FeatureSettings(0, 3, 4, 20));
        // " printer " has 7 trigrams and 6 four-grams; " jammed " 6 and 5
        assertEquals(24, sum(chars.count("Printer jammed").counts()));
    }

    /**
     * Saved models depend on the hash never changing: if this fails, the feature hashing changed and every model
     * file trained before must be retrained (and the model format version raised).
     */
    @Test
    void hashingIsStableAcrossReleases() {
        TermCounts counts = new TextFeatures(new FeatureSettings(2, 0, 0, 12)).count("Printer jammed, printer");
        assertArrayEquals(new int[] {1250, 1656, 2215, 4028}, counts.buckets());
        assertArrayEquals(new int[] {1, 2, 1, 1}, counts.counts());
        TermCounts withChars = new TextFeatures(new FeatureSettings(2, 3, 4, 20)).count("Printer jammed");
        assertEquals(27, withChars.size());
        assertEquals(56977, withChars.buckets()[0]);
        assertEquals(974566, withChars.buckets()[26]);
    }

    @Test
    void bucketsAreSortedAndWithinTheHashSpace() {
        TermCounts counts = new TextFeatures(FeatureSettings.DEFAULT).count("The VPN client fails after the update.");
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.buckets()[i - 1] < counts.buckets()[i]);
        }
        assertTrue(counts.buckets()[counts.size() - 1] < 1 << FeatureSettings.DEFAULT.hashBits());
    }

    @Test
    void emptyTextHasNoFeatures() {
        assertEquals(0, words.count("").size());
        assertEquals(0, words.count(" ,;!? ").size());
        assertEquals(0, words.count(null).size());
    }

    @Test
    void settingsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureSettings(0, 0, 0, 20));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSettings(2, 5, 3, 20));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSettings(2, 2, 5, 40));
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
    }

    private static void assertArrayEqualsCounts(TermCounts expected, TermCounts actual) {
        assertArrayEquals(expected.buckets(), actual.buckets());
        assertArrayEquals(expected.counts(), actual.counts());
    }
}
