package io.tierline.core.classify;

/**
 * Which n-grams a model hashes into its feature space. Saved in the model file, so inference always extracts exactly
 * the features the model was trained on.
 *
 * @param wordNgramMax largest word n-gram (1 = unigrams, 2 = unigrams and bigrams, 0 = no word features)
 * @param charNgramMin smallest character n-gram, taken inside each word padded with one space on both sides
 * @param charNgramMax largest character n-gram (0 = no character features)
 * @param hashBits     the feature space has 2^hashBits buckets; 20 keeps collisions rare for ticket-sized corpora
 */
public record FeatureSettings(int wordNgramMax, int charNgramMin, int charNgramMax, int hashBits) {

    /**
     * Word unigrams and bigrams plus character 2- to 5-grams inside words: on the Endava tickets the character n-grams
     * lifted macro-F1 in validation; on short, lemmatised text (the ITSM tickets) words alone do as well, faster.
     */
    public static final FeatureSettings DEFAULT = new FeatureSettings(2, 2, 5, 20);

    public FeatureSettings {
        if (wordNgramMax < 0 || wordNgramMax > 3) {
            throw new IllegalArgumentException("wordNgramMax must be 0 to 3, was " + wordNgramMax);
        }
        if (charNgramMax != 0 && (charNgramMin < 1 || charNgramMin > charNgramMax || charNgramMax > 8)) {
            throw new IllegalArgumentException(
                    "character n-grams must satisfy 1 <= min <= max <= 8 (or max 0 for none), was "
                            + charNgramMin + ".." + charNgramMax);
        }
        if (wordNgramMax == 0 && charNgramMax == 0) {
            throw new IllegalArgumentException("at least one of word or character n-grams must be enabled");
        }
        if (hashBits < 10 || hashBits > 28) {
            throw new IllegalArgumentException("hashBits must be 10 to 28, was " + hashBits);
        }
    }

    public boolean usesCharNgrams() {
        return charNgramMax > 0;
    }

    @Override
    public String toString() {
        return "words 1.." + wordNgramMax
                + ", chars " + (usesCharNgrams() ? charNgramMin + ".." + charNgramMax : "none")
                + ", 2^" + hashBits + " buckets";
    }
}
