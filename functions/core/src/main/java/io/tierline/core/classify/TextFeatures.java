package io.tierline.core.classify;

/**
 * Turns ticket text into hashed n-gram counts: lower-cased words (see {@link Tokenizer}), word n-grams and character
 * n-grams inside each word. The one extractor used both by training and by inference, so the two cannot drift apart.
 *
 * <p>Feature hashing instead of a vocabulary keeps the model file free of strings and lets extraction run without
 * allocating a string per n-gram. The hash is defined here (not {@link String#hashCode()} alone), because a saved model
 * depends on it never changing.
 */
public final class TextFeatures {

    private static final int WORD_SEED = 0x2545F491;
    private static final int WORD_NGRAM_SEED = 0x6C8E9CF5;
    private static final int CHAR_NGRAM_SEED = 0x1B873593;
    private static final char PAD = ' ';
    /**
     * Only the start of very long texts (mail threads, pasted logs) is read: it bounds the time and memory per ticket,
     * and the first 20,000 characters say what a ticket is about. Longer than any ticket in the shared data sets.
     */
    static final int MAX_TEXT_CHARS = 20_000;

    private final FeatureSettings settings;
    private final int mask;

    public TextFeatures(FeatureSettings settings) {
        this.settings = settings;
        this.mask = (1 << settings.hashBits()) - 1;
    }

    public FeatureSettings settings() {
        return settings;
    }

    public TermCounts count(String text) {
        String lower = Tokenizer.normalize(text);
        if (lower.length() > MAX_TEXT_CHARS) {
            lower = lower.substring(0, MAX_TEXT_CHARS);
        }
        int[] spans = Tokenizer.spans(lower);
        int words = spans.length / 2;
        BucketCounter counter = new BucketCounter(lower.length() * Math.max(1, settings.charNgramMax()) / 2 + 16);
        int[] wordHashes = new int[words];
        for (int w = 0; w < words; w++) {
            wordHashes[w] = hashChars(lower, spans[2 * w], spans[2 * w + 1], WORD_SEED);
        }
        countWordNgrams(wordHashes, counter);
        if (settings.usesCharNgrams()) {
            for (int w = 0; w < words; w++) {
                countCharNgrams(lower, spans[2 * w], spans[2 * w + 1], counter);
            }
        }
        return counter.toTermCounts();
    }

    private void countWordNgrams(int[] wordHashes, BucketCounter counter) {
        for (int n = 1; n <= settings.wordNgramMax(); n++) {
            for (int start = 0; start + n <= wordHashes.length; start++) {
                int hash = wordHashes[start];
                for (int k = 1; k < n; k++) {
                    hash = hash * 0x01000193 ^ wordHashes[start + k];
                }
                counter.add(bucket(n == 1 ? hash : hash ^ WORD_NGRAM_SEED * n));
            }
        }
    }

    /** N-grams of the word padded with one space each side, so word starts and ends are features of their own. */
    private void countCharNgrams(String text, int start, int end, BucketCounter counter) {
        int paddedLength = end - start + 2;
        for (int n = settings.charNgramMin(); n <= settings.charNgramMax() && n <= paddedLength; n++) {
            for (int from = 0; from + n <= paddedLength; from++) {
                int hash = CHAR_NGRAM_SEED + n;
                for (int k = from; k < from + n; k++) {
                    hash = hash * 31 + paddedCharAt(text, start, end, k);
                }
                counter.add(bucket(hash));
            }
        }
    }

    private static char paddedCharAt(String text, int start, int end, int paddedIndex) {
        int index = start + paddedIndex - 1;
        return index < start || index >= end ? PAD : text.charAt(index);
    }

    private static int hashChars(String text, int start, int end, int seed) {
        int hash = seed;
        for (int i = start; i < end; i++) {
            hash = hash * 31 + text.charAt(i);
        }
        return hash;
    }

    /** MurmurHash3's finalizer spreads the polynomial hash over all bits before the low bits pick the bucket. */
    private int bucket(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & mask;
    }
}
