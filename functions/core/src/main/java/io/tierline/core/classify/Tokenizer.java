package io.tierline.core.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits ticket text into words: maximal runs of Unicode letters and digits. Everything else (punctuation, apostrophes,
 * symbols, white space) separates words, so "doesn't" is "doesn" + "t" for the classifier, the language detector and
 * the phrase cues alike: one definition of a word keeps training, inference and hand-written cue lists consistent.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** Lower-cases with the root locale so that a Turkish default locale cannot change the features of a model. */
    public static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /**
     * Word boundaries as consecutive pairs {@code [start0, end0, start1, end1, ...]} of char offsets into {@code text};
     * offsets rather than strings so that feature hashing allocates nothing per word.
     */
    public static int[] spans(String text) {
        int[] spans = new int[32];
        int count = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && !isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i >= length) {
                break;
            }
            int start = i;
            while (i < length && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (count + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[count++] = start;
            spans[count++] = i;
        }
        return Arrays.copyOf(spans, count);
    }

    /** The words of {@code text}, lower-cased. */
    public static List<String> words(String text) {
        String normalized = normalize(text);
        int[] spans = spans(normalized);
        List<String> words = new ArrayList<>(spans.length / 2);
        for (int i = 0; i < spans.length; i += 2) {
            words.add(normalized.substring(spans[i], spans[i + 1]));
        }
        return words;
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }
}
